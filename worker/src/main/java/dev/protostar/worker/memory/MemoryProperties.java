package dev.protostar.worker.memory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Conversation memory (protostar.memory.*); application.yml says why each value.
 *
 * @param recentTokens the newest turns are kept verbatim up to this many tokens (at least {@code keepTurns})
 * @param keepTurns turns always kept verbatim, whatever they cost
 * @param summaryTokens the summary's share of a prompt; a longer summary is cut from its oldest lines
 * @param fullHistory send every turn verbatim and summarise nothing (the benchmark's baseline)
 */
@ConfigurationProperties("protostar.memory")
public record MemoryProperties(int recentTokens, int keepTurns, int summaryTokens, boolean fullHistory) {}
