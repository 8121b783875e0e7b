package dev.protostar.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OcrTextTest {

    @Test
    void a_section_marker_read_as_a_letter_is_dropped_before_a_section_name() {
        assertThat(OcrText.tidy("m 인적사항")).isEqualTo("인적사항");
        assertThat(OcrText.tidy("를 자격증")).isEqualTo("자격증");
        assertThat(OcrText.tidy("a Experience")).isEqualTo("Experience");
    }

    @Test
    void other_lines_led_by_one_character_are_left_as_read() {
        assertThat(OcrText.tidy("a 회사")).isEqualTo("a 회사");
        assertThat(OcrText.tidy("I built it")).isEqualTo("I built it");
        assertThat(OcrText.tidy("경력")).isEqualTo("경력");
    }

    @Test
    void bullets_read_as_symbols_become_bullets() {
        assertThat(OcrText.tidy("¢ Ran a chat cluster")).isEqualTo("• Ran a chat cluster");
        assertThat(OcrText.tidy("« Raised throughput")).isEqualTo("• Raised throughput");
        assertThat(OcrText.tidy("©2024 Example")).isEqualTo("©2024 Example");
    }

    @Test
    void paragraphs_are_split_at_blank_lines_and_carry_their_page() {
        var blocks = OcrText.blocks("김서연 이력서\n\nm 경력\n한빛페이\n\n\f", 2);

        assertThat(blocks)
                .containsExactly(
                        Block.paragraph("김서연 이력서").onPage(2),
                        Block.paragraph("경력\n한빛페이").onPage(2));
    }

    @Test
    void counts_letters_and_digits_not_specks() {
        assertThat(OcrText.readable(List.of(Block.paragraph("| — ~ ."), Block.paragraph("ab 12"))))
                .isEqualTo(4);
    }
}
