package dev.protostar.worker.generate;

/**
 * A complete answer: its text (with {@code [n]} citations) and the tokens it cost; {@code historyTokens} of
 * the input carried the conversation so far.
 */
public record Generation(String text, int inputTokens, int outputTokens, int historyTokens) {}
