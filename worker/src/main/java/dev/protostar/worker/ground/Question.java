package dev.protostar.worker.ground;

import dev.protostar.worker.retrieve.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A question as the grounding rules see it: its language and its clauses ("What was her GPA, and which
 * company did she join in 2019?" has two), each with what must be found in the documents for it to be
 * answered.
 */
public record Question(String text, Language language, List<Clause> clauses) {

    /**
     * What a term is to the rules: a name or a number must be found as it is; a word may be paraphrased, and so
     * may a verb (the English verb after an inverted auxiliary, "can he <i>speak</i>", or of a relative clause,
     * "a product that <i>failed</i>"), which is never what a clause is about.
     */
    public enum Kind {
        NAME,
        NUMBER,
        WORD,
        VERB
    }

    /**
     * @param text as indexed
     * @param surface as the recruiter wrote it, for messages
     * @param forms the term and its glossary equivalents: finding any of them finds the term
     * @param heard the documents' words in the other script that sound like it ({@link Soundalikes}): also in
     *     {@code forms}, and for a name another spelling of it ("Coupang" for 쿠팡)
     */
    public record Term(String text, Kind kind, String surface, Set<String> forms, Set<String> heard) {

        public Term(String text, Kind kind, String surface, Set<String> forms) {
            this(text, kind, surface, forms, Set.of());
        }

        /** This term, also found by {@code words}. */
        Term soundingLike(Set<String> words) {
            Set<String> more = new java.util.LinkedHashSet<>(forms);
            more.addAll(words);
            Set<String> allHeard = new java.util.LinkedHashSet<>(heard);
            allHeard.addAll(words);
            return new Term(
                    text,
                    kind,
                    surface,
                    java.util.Collections.unmodifiableSet(more),
                    java.util.Collections.unmodifiableSet(allHeard));
        }
    }

    /** A number with its unit ("5년", "six years", "2 million"); the documents must state it so. */
    public record Quantity(String number, String unit, String surface) {}

    /**
     * @param phrases names of several words or quoted ("University of Toronto", '불침번'): found whole or not at all
     * @param asks whether the clause asks something; one that does not ("As Director of Product at Stripe")
     *     is a premise, and a premise the documents contradict voids the whole question
     * @param confirms whether it asks to confirm what it states ("컴퓨터공학 전공자시죠?", "…, right?"): a premise
     *     too, and one the documents do not support voids the question
     */
    public record Clause(
            String text,
            List<Term> terms,
            List<String> phrases,
            List<Quantity> quantities,
            boolean asks,
            boolean confirms) {}

    /** The question's terms as the keyword search wants them, each once. */
    public Query query() {
        Map<String, Query.Concept> concepts = new LinkedHashMap<>();
        for (Clause clause : clauses) {
            for (Term term : clause.terms()) {
                concepts.putIfAbsent(term.text(), new Query.Concept(term.text(), term.forms()));
            }
        }
        return new Query(text, new ArrayList<>(concepts.values()));
    }
}
