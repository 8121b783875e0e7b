package dev.protostar.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The choice between a kor+eng read and a Hangul read of one page, on small TSV pages written by hand. */
class WordChoiceTest {

    private static final String HEADER =
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num" + "\tleft\ttop\twidth\theight\tconf\ttext\n";

    @Test
    void latin_garbage_where_the_hangul_read_has_a_korean_word_becomes_that_word() {
        // "하루 약 120TB의 로그" read by kor+eng as "하루 OF 120TB의 로그"; the Hangul model reads syllables apart.
        String text = "하루 OF 120TB의 로그\n";
        String first = HEADER
                + word(1, 1, 100, 40, "하루")
                + word(1, 2, 160, 20, "OF")
                + word(1, 3, 200, 120, "120TB의")
                + word(1, 4, 340, 40, "로그");
        String second = HEADER
                + word(1, 1, 100, 18, "하")
                + word(1, 2, 120, 18, "루")
                + word(1, 3, 160, 20, "약")
                + word(1, 4, 200, 80, "12078")
                + word(1, 5, 290, 20, "의")
                + word(1, 6, 340, 40, "로그");

        assertThat(WordChoice.merge(text, first, second)).isEqualTo("하루 약 120TB의 로그\n");
    }

    @Test
    void a_korean_word_read_one_syllable_at_a_time_is_taken_whole() {
        String text = "BUSS 전환\n";
        String first = HEADER + word(1, 1, 100, 80, "BUSS") + word(1, 2, 200, 40, "전환");
        String second = HEADER
                + word(1, 1, 100, 20, "포")
                + word(1, 2, 120, 20, "맷")
                + word(1, 3, 140, 20, "으")
                + word(1, 4, 160, 20, "로")
                + word(1, 5, 200, 40, "전환");

        assertThat(WordChoice.merge(text, first, second)).isEqualTo("포맷으로 전환\n");
    }

    @Test
    void latin_words_read_by_kor_eng_are_kept() {
        String text = "Apache Iceberg p95 Kafka\n";
        String first = HEADER
                + word(1, 1, 100, 90, "Apache")
                + word(1, 2, 200, 90, "Iceberg")
                + word(1, 3, 300, 40, "p95")
                + word(1, 4, 360, 80, "Kafka");
        String second = HEADER
                + word(1, 1, 100, 90, "아파치")
                + word(1, 2, 200, 90, "1ㄷebe9")
                + word(1, 3, 300, 40, "695")
                + word(1, 4, 360, 80, "카프카");

        assertThat(WordChoice.merge(text, first, second)).isEqualTo(text);
    }

    @Test
    void lines_paragraphs_and_runs_of_spaces_stay_as_the_first_read_has_them() {
        String text = "회사    기간\nOES 2022.04\n\n경력 AU\n\f";
        String first = HEADER
                + word(1, 1, 100, 40, "회사")
                + word(1, 2, 300, 40, "기간")
                + word(2, 1, 100, 40, "OES")
                + word(2, 2, 300, 90, "2022.04")
                + word(3, 1, 100, 40, "경력")
                + word(3, 2, 200, 40, "AU");
        String second = HEADER + line(2, word(1, 1, 100, 40, "회사")) + line(3, word(1, 1, 200, 40, "쿠팡"));

        assertThat(WordChoice.merge(text, first, second)).isEqualTo("회사    기간\n회사 2022.04\n\n경력 쿠팡\n\f");
    }

    @Test
    void a_figure_keeps_its_number_and_may_only_gain_its_unit() {
        assertThat(WordChoice.choose("37}", "3개")).isEqualTo("3개");
        assertThat(WordChoice.choose("1,10004", "1,100여")).isEqualTo("1,100여");
        assertThat(WordChoice.choose("SOMOS", "50분으로")).isEqualTo("50분으로");
        assertThat(WordChoice.choose("4200", "2만")).isEqualTo("4200");
    }

    @Test
    void the_hangul_read_is_taken_only_when_it_is_korean() {
        assertThat(WordChoice.choose("API", "^미")).isEqualTo("API");
        assertThat(WordChoice.choose("AWS", "AWS")).isEqualTo("AWS");
        assertThat(WordChoice.choose("Ul", "니")).isEqualTo("Ul");
        assertThat(WordChoice.choose("로그를", "로그릉")).isEqualTo("로그를");
        assertThat(WordChoice.choose("—", "→")).isEqualTo("—");
        assertThat(WordChoice.choose("A]7f", "시각")).isEqualTo("시각");
    }

    @Test
    void a_line_whose_words_do_not_spell_it_is_left_as_read() {
        String text = "OF 로그\n";
        String first = HEADER + word(1, 1, 100, 20, "OR") + word(1, 2, 160, 40, "로그");
        String second = HEADER + word(1, 1, 100, 20, "약") + word(1, 2, 160, 40, "로그");

        assertThat(WordChoice.merge(text, first, second)).isEqualTo(text);
    }

    /** A word on line {@code line} of block 1, 30 pixels high. */
    private static String word(int line, int n, int left, int width, String text) {
        return "5\t1\t1\t1\t%d\t%d\t%d\t%d\t%d\t30\t90.0\t%s\n".formatted(line, n, left, line * 50, width, text);
    }

    /** The same word moved to another line: the second read's lines need not be the first's. */
    private static String line(int line, String row) {
        String[] f = row.split("\t");
        f[7] = Integer.toString(line * 50);
        return String.join("\t", f);
    }
}
