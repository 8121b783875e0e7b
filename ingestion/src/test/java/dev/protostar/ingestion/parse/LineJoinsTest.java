package dev.protostar.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LineJoinsTest {

    @Test
    void keeps_a_typed_hyphen_at_a_wrap_and_drops_a_typesetters_hyphen() {
        assertThat(LineJoins.join("trained a 66M-", "parameter model", false))
                .isEqualTo("trained a 66M-parameter model");
        assertThat(LineJoins.join("with Ji-", "woo Park", false)).isEqualTo("with Ji-woo Park");
        assertThat(LineJoins.join("incremen\u2010", "talization", false)).isEqualTo("incrementalization");
        assertThat(LineJoins.join("from 2013 -", "2017", false)).isEqualTo("from 2013 - 2017");
        assertThat(LineJoins.join("(Lumen, 2022–", "2023)", false)).isEqualTo("(Lumen, 2022–2023)");
    }

    @Test
    void joins_english_lines_with_a_space_whatever_the_layout_says() {
        assertThat(LineJoins.join("building payment", "systems", true)).isEqualTo("building payment systems");
    }

    @Test
    void joins_korean_halves_of_one_word_without_a_space() {
        assertThat(LineJoins.join("1시간 23분에", "서 4분으로 줄였다", true)).isEqualTo("1시간 23분에서 4분으로 줄였다");
        assertThat(LineJoins.join("API와 정산 배치,", "가맹점", true)).isEqualTo("API와 정산 배치, 가맹점");
        assertThat(LineJoins.join("정산", "배치를", false)).isEqualTo("정산 배치를");
    }

    @Test
    void korean_breaks_read_particles_endings_and_the_documents_own_words() {
        var breaks = new KoreanBreaks(Set.of("정산", "배치가"));

        assertThat(breaks.insideWord("1시간 23분에", "서 4분으로"))
                .as("a line never starts a word with 서 after 에")
                .isTrue();
        assertThat(breaks.insideWord("시간", "을 줄였다"))
                .as("a particle starts no word")
                .isTrue();
        assertThat(breaks.insideWord("채팅 서버를", "운영하면서")).as("를 ends a word").isFalse();
        assertThat(breaks.insideWord("안정적으로", "처리하는")).isFalse();
        assertThat(breaks.insideWord("새벽 정산", "배치를"))
                .as("the text has 정산 배치 elsewhere")
                .isFalse();
        assertThat(breaks.insideWord("가맹", "점만")).as("nothing says otherwise").isTrue();
    }
}
