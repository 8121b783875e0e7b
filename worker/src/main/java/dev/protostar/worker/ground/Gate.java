package dev.protostar.worker.ground;

import dev.protostar.search.keyword.KeywordAnalyzer;
import dev.protostar.worker.retrieve.Hit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Decides, clause by clause, whether the candidate's documents cover a question — the refusal rule of
 * both modes, applied in code before any model is called:
 * <ul>
 *   <li>a name the question uses ("Naver", "GPA", an unknown project) must occur in the documents;
 *   <li>a number it uses ("5 years") must occur in the chunks retrieved for it;
 *   <li>of its other words, no more than {@code maxUncoveredShare} may be absent (a recruiter's
 *       paraphrase differs in a word or two; a question about an attribute the documents lack, such as a
 *       salary, is mostly that attribute) — unless the best chunk is semantically close enough
 *       ({@code semanticRescue}), which lets an English paraphrase through.
 * </ul>
 * A question with no clause covered is refused; one with some covered is answered in part, saying what
 * is not covered.
 */
@Component
public class Gate {

    private final Coverage coverage;
    private final KeywordAnalyzer analyzer;
    private final GroundingProperties properties;

    Gate(Coverage coverage, KeywordAnalyzer analyzer, GroundingProperties properties) {
        this.coverage = coverage;
        this.analyzer = analyzer;
        this.properties = properties;
    }

    public Verdict judge(UUID candidateId, Question question, List<Hit> hits) {
        Coverage.Counts counts = coverage.count(candidateId, question.searchTerms());
        Set<String> retrievedTerms = new HashSet<>();
        for (Hit hit : hits) {
            retrievedTerms.addAll(analyzer.tokens(hit.section() + "\n" + hit.text()));
        }
        double bestSimilarity =
                hits.stream().mapToDouble(Hit::vectorScore).max().orElse(0);
        List<Question.Clause> answerable = new ArrayList<>();
        Set<String> uncovered = new LinkedHashSet<>();
        for (Question.Clause clause : question.clauses()) {
            List<String> missing = missing(clause, counts, retrievedTerms, bestSimilarity);
            if (missing.isEmpty()) {
                answerable.add(clause);
            } else {
                uncovered.addAll(missing);
            }
        }
        if (hits.isEmpty()) {
            answerable.clear();
        }
        return new Verdict(question, answerable, List.copyOf(uncovered), hits, counts);
    }

    /** What of this clause the documents lack; empty if they cover it. */
    private List<String> missing(
            Question.Clause clause, Coverage.Counts counts, Set<String> retrievedTerms, double bestSimilarity) {
        List<String> names = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int total = 0;
        for (Question.Term term : clause.terms()) {
            switch (term.kind()) {
                case NAME -> {
                    if (counts.of(term.forms()) == 0) {
                        names.add(term.surface());
                    }
                }
                case NUMBER -> {
                    if (!retrievedTerms.contains(term.text())) {
                        names.add(term.surface());
                    }
                }
                case WORD -> {
                    total++;
                    if (counts.of(term.forms()) == 0) {
                        words.add(term.surface());
                    }
                }
            }
        }
        if (!names.isEmpty()) {
            return names;
        }
        boolean wordsMissing = total > 0 && (double) words.size() / total > properties.maxUncoveredShare();
        if (wordsMissing && bestSimilarity < properties.semanticRescue()) {
            return words;
        }
        return List.of();
    }
}
