package dev.protostar.worker.retrieve;

import java.util.List;

/** What a search found: the chunks, best first, and how often the question's terms occur at all. */
public record Retrieval(List<Hit> hits, TermCounts counts) {}
