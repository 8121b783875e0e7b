package dev.protostar.worker.generate;

/** A complete answer: its text (with {@code [n]} citations) and the tokens it cost. */
public record Generation(String text, int inputTokens, int outputTokens) {}
