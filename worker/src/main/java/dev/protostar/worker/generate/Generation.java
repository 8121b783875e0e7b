package dev.protostar.worker.generate;

/** How an answer ended: token usage, and whether it was a refusal (the documents do not say). */
public record Generation(int inputTokens, int outputTokens, boolean refused) {}
