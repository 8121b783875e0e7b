package dev.protostar.worker.memory;

import static dev.protostar.worker.memory.MemoryFixtures.LINES;
import static dev.protostar.worker.memory.MemoryFixtures.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaughtUpMemoriesTest {

    private static final Summarizer EXTRACTIVE = new CheckedSummarizer(new ExtractiveSummarizer(LINES), LINES);

    private final Turn toss =
            turn(2, "지금 어느 회사에서 일하나요?", "후보자의 문서에 따르면:\n- 토스페이먼츠 | 2021.04 ~ 재직중: 정산플랫폼팀 테크 리드, 백엔드 개발자 6명 리드 [1]");
    private final Turn coupang =
            turn(3, "쿠팡에서는 무슨 일을 했나요?", "후보자의 문서에 따르면:\n- 쿠팡 | 2017.09 ~ 2021.03 (3년 7개월): 주문 시스템 MSA 전환, 팀원 12명 [1]");

    private static Memory recall(Memory stored, boolean fullHistory) {
        MemoryStore store = sessionId -> stored;
        return new CaughtUpMemories(store, EXTRACTIVE, new MemoryProperties(10, 1, 600, fullHistory))
                .recall(UUID.randomUUID());
    }

    @Test
    void turns_a_lagging_fold_has_not_reached_are_read_as_the_lines_it_would_write() {
        Memory stored = new Memory("- 이름: 박서연", 5, 1, List.of(toss, coupang));
        Memory recalled = recall(stored, false);
        assertThat(recalled.recent()).containsExactly(coupang);
        assertThat(recalled.foldedThrough()).isEqualTo(2);
        assertThat(recalled.summary()).startsWith("- 이름: 박서연\n").contains("토스페이먼츠", "2021.04", "6명");
        assertThat(CheckedSummarizer.missing(toss, recalled.summary())).isEmpty();
    }

    @Test
    void a_memory_whose_fold_is_done_is_recalled_as_stored() {
        Memory stored = new Memory("- 이름: 박서연", 5, 2, List.of(coupang));
        assertThat(recall(stored, false)).isSameAs(stored);
    }

    @Test
    void the_full_history_baseline_is_left_whole() {
        Memory stored = new Memory("", 0, 0, List.of(toss, coupang));
        assertThat(recall(stored, true)).isSameAs(stored);
    }
}
