package dev.protostar.worker.retrieve;

import java.util.Map;
import java.util.Set;

/**
 * How many of a candidate's chunks contain each term: what the candidate's documents talk about at all.
 *
 * @param chunksWith chunks containing each term (terms no chunk contains are absent)
 * @param chunks the candidate's chunk count
 */
public record TermCounts(Map<String, Integer> chunksWith, int chunks) {

    /** Chunks containing any of {@code forms} (at least the largest single count). */
    public int of(Set<String> forms) {
        return forms.stream().mapToInt(f -> chunksWith.getOrDefault(f, 0)).max().orElse(0);
    }
}
