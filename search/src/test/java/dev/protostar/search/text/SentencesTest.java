package dev.protostar.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void splits_korean_and_english_sentences() {
        assertThat(Sentences.split("결제 API를 개선했습니다. 처리량이 40% 늘었습니다. Then she left."))
                .containsExactly("결제 API를 개선했습니다.", "처리량이 40% 늘었습니다.", "Then she left.");
    }

    @Test
    void every_line_is_its_own_sentence() {
        assertThat(Sentences.split("- Kafka 도입\n- 장애 50% 감소")).containsExactly("- Kafka 도입", "- 장애 50% 감소");
    }

    @Test
    void keeps_numbers_and_abbreviations_whole() {
        assertThat(Sentences.split("가용성 99.9% 달성. B.S. in Computer Science, 2019.03 입학. Done."))
                .containsExactly("가용성 99.9% 달성.", "B.S. in Computer Science, 2019.03 입학.", "Done.");
    }

    @Test
    void a_degree_written_with_dots_does_not_end_its_sentence() {
        assertThat(Sentences.split("M.Sc. Data Science, Universität Mannheim, 2013–2015. Ph.D. pending."))
                .containsExactly("M.Sc. Data Science, Universität Mannheim, 2013–2015.", "Ph.D. pending.");
    }

    @Test
    void a_saint_or_a_mount_in_a_name_does_not_end_its_sentence() {
        assertThat(Sentences.split("At St. Agatha I was one of three analysts. Then Mt. Sinai."))
                .containsExactly("At St. Agatha I was one of three analysts.", "Then Mt. Sinai.");
    }
}
