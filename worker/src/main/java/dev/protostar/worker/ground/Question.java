package dev.protostar.worker.ground;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A question as the grounding rules see it: its language and its clauses ("What was her GPA, and which
 * company did she join in 2019?" has two), each with the terms that carry its meaning.
 */
public record Question(String text, Language language, List<Clause> clauses) {

    /** What a term is to the rules: a name or a number must be found as it is; a word may be paraphrased. */
    public enum Kind {
        NAME,
        NUMBER,
        WORD
    }

    /**
     * @param text as indexed
     * @param surface as the recruiter wrote it, for messages
     * @param forms the term and its glossary equivalents: finding any of them finds the term
     */
    public record Term(String text, Kind kind, String surface, Set<String> forms) {}

    public record Clause(String text, List<Term> terms) {}

    /** Every form of every term: what the keyword search looks for. */
    public Set<String> searchTerms() {
        Set<String> all = new LinkedHashSet<>();
        clauses.forEach(c -> c.terms().forEach(t -> all.addAll(t.forms())));
        return all;
    }
}
