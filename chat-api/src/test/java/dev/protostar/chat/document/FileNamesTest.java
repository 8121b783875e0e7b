package dev.protostar.chat.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keeps_a_plain_unicode_name_as_it_is() {
        assertThat(FileNames.sanitize("이력서.pdf")).isEqualTo("이력서.pdf");
        assertThat(FileNames.sanitize("Kim Jiwoo – CV (2024).docx")).isEqualTo("Kim Jiwoo – CV (2024).docx");
    }

    @Test
    void takes_the_last_segment_of_a_path_either_way_it_is_written() {
        assertThat(FileNames.sanitize("C:\\Users\\kim\\Desktop\\경력기술서.hwp")).isEqualTo("경력기술서.hwp");
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("folder/")).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void never_yields_a_segment_that_walks_the_path() {
        assertThat(FileNames.sanitize("..")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitize(".")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitize("a/..")).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void drops_control_and_direction_override_characters() {
        assertThat(FileNames.sanitize("cv\u0000\n\t.pdf")).isEqualTo("cv.pdf");
        assertThat(FileNames.sanitize("resume\u202Efdp.exe")).isEqualTo("resumefdp.exe");
        assertThat(FileNames.sanitize("\u0007\u001b")).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void composes_decomposed_hangul_so_one_name_is_one_string() {
        String decomposed = Normalizer.normalize("이력서.pdf", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("이력서.pdf");

        assertThat(FileNames.sanitize(decomposed)).isEqualTo("이력서.pdf");
    }

    @Test
    void falls_back_when_nothing_usable_was_sent() {
        assertThat(FileNames.sanitize(null)).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitize("")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitize("   ")).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void shortens_a_long_name_to_200_code_points_keeping_its_extension() {
        String name = FileNames.sanitize("a".repeat(300) + ".pdf");

        assertThat(name).hasSize(FileNames.MAX_CODE_POINTS).startsWith("aaa").endsWith(".pdf");
    }

    @Test
    void shortens_a_long_korean_name_to_one_file_system_segment_keeping_its_extension() {
        String name = FileNames.sanitize("포트폴리오".repeat(40) + ".pdf");

        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_UTF8_BYTES);
        assertThat(name).startsWith("포트폴리오").endsWith(".pdf");
    }

    @Test
    void never_splits_a_character_outside_the_basic_plane() {
        String name = FileNames.sanitize("😀".repeat(300));

        assertThat(name.codePoints()).allMatch(c -> c == "😀".codePointAt(0));
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_UTF8_BYTES);
    }
}
