package dev.protostar.worker.retrieve;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A question as retrieval sees it.
 *
 * @param text the question as asked (embedded for the vector leg)
 * @param concepts its keyword terms, each with its glossary equivalents: a chunk matching any form of a
 *     concept matches the concept (once, like Lucene's synonym query)
 */
public record Query(String text, List<Concept> concepts) {

    /** A term of the question and the forms that count as it; {@code forms} starts with the term itself. */
    public record Concept(String term, Set<String> forms) {}

    public Set<String> allForms() {
        Set<String> forms = new LinkedHashSet<>();
        concepts.forEach(c -> forms.addAll(c.forms()));
        return forms;
    }
}
