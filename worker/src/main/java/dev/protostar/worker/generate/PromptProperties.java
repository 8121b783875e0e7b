package dev.protostar.worker.generate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token budgets of a prompt's parts besides memory (protostar.prompt.*); application.yml says why.
 *
 * @param contextTokens retrieved excerpts, best first, until this many tokens
 * @param questionTokens the question itself (intake bounds it in characters; this bounds it in tokens)
 */
@ConfigurationProperties("protostar.prompt")
public record PromptProperties(int contextTokens, int questionTokens) {}
