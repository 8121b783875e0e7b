package dev.protostar.worker.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FusionTest {

    private final HybridRetriever retriever = new HybridRetriever(null, null, new RetrievalProperties(8, 20, 10, 0.2));

    private static Hit hit(UUID id, int vectorRank, int keywordRank) {
        return new Hit(id, UUID.randomUUID(), "t", "s", "l", "text", 0.5, vectorRank, 1, keywordRank, 0);
    }

    @Test
    void a_chunk_both_legs_found_comes_first() {
        UUID both = UUID.randomUUID();
        UUID vectorOnly = UUID.randomUUID();
        UUID keywordOnly = UUID.randomUUID();
        var fused = retriever.fuse(
                List.of(hit(vectorOnly, 1, 0), hit(both, 2, 0)),
                List.of(hit(keywordOnly, 0, 1), hit(both, 0, 2)),
                3,
                1);
        assertThat(fused.getFirst().chunkId()).isEqualTo(both);
        assertThat(fused.getFirst().vectorRank()).isEqualTo(2);
        assertThat(fused.getFirst().keywordRank()).isEqualTo(2);
    }

    @Test
    void on_a_korean_question_the_english_vector_leg_barely_votes() {
        assertThat(retriever.vectorWeight("쿠팡에서는 얼마 동안 근무했나요?"))
                .isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(retriever.vectorWeight("How long did she work at Coupang?")).isEqualTo(1.0);
        UUID keywordFirst = UUID.randomUUID();
        UUID vectorFirst = UUID.randomUUID();
        var fused = retriever.fuse(
                List.of(hit(vectorFirst, 1, 0), hit(keywordFirst, 20, 0)),
                List.of(hit(keywordFirst, 0, 1), hit(vectorFirst, 0, 5)),
                2,
                0.2);
        assertThat(fused.getFirst().chunkId()).isEqualTo(keywordFirst);
    }
}
