package dev.protostar.worker.retrieve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BM25 over one candidate's chunks, computed here rather than by PostgreSQL's {@code ts_rank} (which
 * knows no document frequencies): a concept scores once however many of its glossary forms a chunk has,
 * a chunk matching only an equivalent ({@code 리드} for "manage") scores {@value #EQUIVALENT} of a literal
 * match, and rare concepts outweigh common ones.
 */
final class Bm25 {

    /** Robertson's usual constants. */
    private static final double K1 = 1.2;

    private static final double B = 0.75;

    /** What an equivalent word is worth against the question's own word. */
    static final double EQUIVALENT = 0.7;

    /** A chunk's terms, as stored in {@code keyword_text}. */
    record Document(List<String> terms) {
        Map<String, Integer> frequencies() {
            Map<String, Integer> tf = new HashMap<>();
            terms.forEach(t -> tf.merge(t, 1, Integer::sum));
            return tf;
        }
    }

    private Bm25() {}

    static double score(Document document, List<Query.Concept> concepts, TermCounts counts, double averageLength) {
        Map<String, Integer> tf = document.frequencies();
        double norm = K1 * (1 - B + B * document.terms().size() / Math.max(1, averageLength));
        double score = 0;
        for (Query.Concept concept : concepts) {
            int literal = tf.getOrDefault(concept.term(), 0);
            int equivalent = concept.forms().stream()
                    .filter(f -> !f.equals(concept.term()))
                    .mapToInt(f -> tf.getOrDefault(f, 0))
                    .sum();
            double frequency = literal > 0 ? literal + EQUIVALENT * equivalent : EQUIVALENT * equivalent;
            if (frequency == 0) {
                continue;
            }
            int df = counts.of(concept.forms());
            double idf = Math.log(1 + (counts.chunks() - df + 0.5) / (df + 0.5));
            score += idf * frequency * (K1 + 1) / (frequency + norm);
        }
        return score;
    }
}
