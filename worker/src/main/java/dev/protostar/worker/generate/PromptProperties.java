package dev.protostar.worker.generate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token budgets of a prompt's parts besides the summary (protostar.prompt.*); application.yml says why.
 *
 * @param contextTokens retrieved excerpts, best first, until this many tokens
 * @param questionTokens the question itself (intake bounds it in characters; this bounds it in tokens)
 * @param verbatimTokens the turns not yet summarised, newest first, until this many tokens
 */
@ConfigurationProperties("protostar.prompt")
public record PromptProperties(int contextTokens, int questionTokens, int verbatimTokens) {}
