package dev.protostar.worker.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Bm25Test {

    private static final TermCounts COUNTS = new TermCounts(Map.of("경력", 9, "kafka", 1, "리드", 2, "manag", 1), 10);

    private static double score(List<String> terms, Query.Concept... concepts) {
        return Bm25.score(new Bm25.Document(terms), List.of(concepts), COUNTS, 5);
    }

    @Test
    void a_rare_term_outweighs_a_common_one() {
        Query.Concept kafka = new Query.Concept("kafka", Set.of("kafka"));
        Query.Concept career = new Query.Concept("경력", Set.of("경력"));
        assertThat(score(List.of("kafka", "a", "b", "c", "d"), kafka))
                .isGreaterThan(score(List.of("경력", "a", "b", "c", "d"), career));
    }

    @Test
    void a_concept_scores_once_and_its_own_word_beats_an_equivalent() {
        Query.Concept manage = new Query.Concept("manag", Set.of("manag", "리드", "led"));
        double literal = score(List.of("manag", "x", "y", "z", "w"), manage);
        double equivalent = score(List.of("리드", "x", "y", "z", "w"), manage);
        assertThat(literal).isGreaterThan(equivalent).isGreaterThan(0);
        assertThat(score(List.of("리드", "led", "x", "y", "z"), manage))
                .as("two equivalents are one concept, not two")
                .isLessThan(2 * equivalent);
    }

    @Test
    void a_chunk_without_the_concept_scores_nothing() {
        assertThat(score(List.of("x", "y"), new Query.Concept("kafka", Set.of("kafka"))))
                .isZero();
    }
}
