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
        assertThat(OcrText.tidy("＊ 블로그: example.com")).isEqualTo("• 블로그: example.com");
        assertThat(OcrText.tidy("*＊ ADsP 데이터분석 준전문가")).isEqualTo("• ADsP 데이터분석 준전문가");
        assertThat(OcrText.tidy("©2024 Example")).isEqualTo("©2024 Example");
    }

    @Test
    void a_middle_dot_read_as_the_vowel_araea_is_a_middle_dot_again() {
        assertThat(OcrText.tidy("추천ㆍ광고ㆍ이상거래탐지 3개 팀")).isEqualTo("추천·광고·이상거래탐지 3개 팀");
        assertThat(OcrText.tidy("ㆍ 온프레미스 이전")).isEqualTo("ㆍ 온프레미스 이전");
        assertThat(OcrText.tidy("전공:컴퓨터공학, 서울-부산")).isEqualTo("전공:컴퓨터공학, 서울-부산");
    }

    @Test
    void drops_the_running_header_and_page_numbers_of_a_scan() {
        var pages = OcrText.withoutRunningText(List.of(
                "강도현 | Data Engineer\n\n강도현 | Data Engineer\n경력\n\n1/2\n\f",
                "강도현 | Data Engineer\n\n학력\n충남대학교\n\n2 / 2\n\f"));

        assertThat(pages.get(0))
                .doesNotStartWith("강도현")
                .contains("강도현 | Data Engineer\n경력")
                .doesNotContain("1/2");
        assertThat(pages.get(1)).doesNotContain("강도현", "2 / 2").contains("학력\n충남대학교");
    }

    @Test
    void a_first_line_on_one_page_only_is_kept() {
        var pages =
                OcrText.withoutRunningText(List.of("Mira Castellan\nBackend Engineer, 7 years\n", "Skills\nJava\n"));

        assertThat(pages).containsExactly("Mira Castellan\nBackend Engineer, 7 years", "Skills\nJava");
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

    @Test
    void a_table_read_with_its_column_gaps_is_read_row_by_row_with_its_header_labelling_the_cells() {
        String page =
                """
                경력 요약

                회사            기간                   직무                            팀 규모
                툰플렉스         2022.04 - 현재          시니어 데이터 플랫폼 엔지니어 | 9명
                그린박스마켓 | 2019.10 - 2022.03 | 데이터 엔지니어                     6명
                대덕데이터랩 | 2017.01- 2019.09 | 연구원                     4명

                총 경력 약 8년 (2017.01부터)
                """;
        List<Block> blocks = OcrText.blocks(page, 1);
        assertThat(blocks)
                .extracting(Block::kind, Block::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Block.Kind.PARAGRAPH, "경력 요약"),
                        org.assertj.core.groups.Tuple.tuple(
                                Block.Kind.TABLE_ROW, "회사: 툰플렉스 | 기간: 2022.04 - 현재 | 직무: 시니어 데이터 플랫폼 엔지니어 | 팀 규모: 9명"),
                        org.assertj.core.groups.Tuple.tuple(
                                Block.Kind.TABLE_ROW, "회사: 그린박스마켓 | 기간: 2019.10 - 2022.03 | 직무: 데이터 엔지니어 | 팀 규모: 6명"),
                        org.assertj.core.groups.Tuple.tuple(
                                Block.Kind.TABLE_ROW, "회사: 대덕데이터랩 | 기간: 2017.01- 2019.09 | 직무: 연구원 | 팀 규모: 4명"),
                        org.assertj.core.groups.Tuple.tuple(Block.Kind.PARAGRAPH, "총 경력 약 8년 (2017.01부터)"));
        assertThat(OcrText.blocks("• 하루 OF 120108의 로그를   수집하는 파이프라인\n구축해서 단축", 1))
                .as("one line with a wide gap is no table")
                .extracting(Block::kind)
                .containsExactly(Block.Kind.PARAGRAPH);
        String wrapped =
                """
                프로젝트                    기간                        내용                        성과
                물결 (실시간 재고 스트리 | 2022.06 - 2023.03          Kafka, Flink, Debezium | 품절 주문 취소율 2.4%
                밍)                                                           CDC로 재고 변경 실시간 | -0.6%
                """;
        assertThat(OcrText.blocks(wrapped, 1))
                .as("a table whose cells wrap is left as text")
                .extracting(Block::kind)
                .containsExactly(Block.Kind.PARAGRAPH);
    }
}
