package dev.protostar.worker.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainWordsTest {

    @Test
    void a_refusal_names_the_recruiters_words_not_stems() {
        assertThat(PlainWords.of("희망 연봉은 얼마인가요?", List.of("희망", "연봉"))).containsExactly("희망 연봉");
        assertThat(PlainWords.of("지원자의 최근 직장은?", List.of("지원", "자"))).containsExactly("지원자");
        assertThat(PlainWords.of("What is his expected salary?", List.of("expected", "salary")))
                .containsExactly("expected salary");
        assertThat(PlainWords.of("Has he worked with Kubernetes, and what's his GPA?", List.of("GPA")))
                .containsExactly("GPA");
    }
}
