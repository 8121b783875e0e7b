package dev.protostar.worker.generate;

/**
 * What a model is given for one turn, assembled within budgets.
 *
 * @param inputTokens BPE tokens of both messages, as sent
 * @param historyTokens of those, the conversation's: its summary and recent turns
 */
public record Prompt(String system, String user, int inputTokens, int historyTokens) {}
