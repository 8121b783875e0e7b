package dev.protostar.worker.retrieve;

import java.util.Set;

/**
 * A question as retrieval sees it.
 *
 * @param text the question as asked (embedded for the vector leg)
 * @param terms its keyword terms with their glossary expansions (the keyword leg matches any of them)
 */
public record Query(String text, Set<String> terms) {}
