package dev.protostar.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.protostar.ingestion.parse.Block.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadingHeuristicTest {

    private static List<Block> structure(String text) {
        return HeadingHeuristic.apply(text);
    }

    @Test
    void section_markers_brackets_and_section_names_are_top_level_headings() {
        var blocks = structure(
                """
                이력서

                ■ 경력사항
                한빛페이에서 결제 시스템을 개발했습니다.

                【학력】
                한결대학교 컴퓨터공학과 졸업.

                자기소개서
                저는 문제를 끝까지 파고듭니다.
                """);

        assertThat(blocks)
                .filteredOn(b -> b.kind() == Kind.HEADING)
                .extracting(Block::level, Block::text)
                .containsExactly(tuple(1, "이력서"), tuple(1, "경력사항"), tuple(1, "학력"), tuple(1, "자기소개서"));
    }

    @Test
    void numbered_sections_are_headings_numbered_sentences_are_list_items() {
        var blocks = structure(
                """
                1. 경력
                한빛페이에서 결제 시스템을 개발했습니다.
                1.1 결제 승인
                초당 12,000건을 처리했습니다.

                1. Designed the settlement ledger for 3 countries.
                2. Cut p99 latency from 480 ms to 120 ms.
                """);

        assertThat(blocks)
                .extracting(Block::kind, Block::level, Block::text)
                .containsExactly(
                        tuple(Kind.HEADING, 1, "1. 경력"),
                        tuple(Kind.PARAGRAPH, 0, "한빛페이에서 결제 시스템을 개발했습니다."),
                        tuple(Kind.HEADING, 2, "1.1 결제 승인"),
                        tuple(Kind.PARAGRAPH, 0, "초당 12,000건을 처리했습니다."),
                        tuple(Kind.LIST_ITEM, 1, "1. Designed the settlement ledger for 3 countries."),
                        tuple(Kind.LIST_ITEM, 1, "2. Cut p99 latency from 480 ms to 120 ms."));
    }

    @Test
    void capitals_are_headings_but_not_acronyms_with_figures() {
        var blocks = structure(
                """
                WORK EXPERIENCE
                Backend engineer at Bluefin Payments since 2020.

                TOEIC 915
                """);

        assertThat(blocks)
                .extracting(Block::kind, Block::text)
                .containsExactly(
                        tuple(Kind.HEADING, "WORK EXPERIENCE"),
                        tuple(Kind.PARAGRAPH, "Backend engineer at Bluefin Payments since 2020."),
                        tuple(Kind.PARAGRAPH, "TOEIC 915"));
    }

    @Test
    void a_short_title_like_line_above_body_text_is_a_subheading() {
        var blocks = structure(
                """
                [경력]
                한빛페이 | 선임 개발자
                재직기간: 2019.03 ~ 2022.08 (3년 5개월)
                """);

        assertThat(blocks)
                .extracting(Block::kind, Block::level, Block::text)
                .containsExactly(
                        tuple(Kind.HEADING, 1, "경력"),
                        tuple(Kind.HEADING, 2, "한빛페이 | 선임 개발자"),
                        tuple(Kind.PARAGRAPH, 0, "재직기간: 2019.03 ~ 2022.08 (3년 5개월)"));
    }

    @Test
    void dates_fields_enumerations_and_sentences_are_never_subheadings() {
        assertThat(LineRoles.looksLikeTitle("2019.03 ~ 2022.08")).isFalse();
        assertThat(LineRoles.looksLikeTitle("January 2020 – June 2024")).isFalse();
        assertThat(LineRoles.looksLikeTitle("성명: 김서연")).isFalse();
        assertThat(LineRoles.looksLikeTitle("Java, Kotlin, Kafka")).isFalse();
        assertThat(LineRoles.looksLikeTitle("결제 시스템을 개발했습니다.")).isFalse();
        assertThat(LineRoles.looksLikeTitle("한빛페이 | 결제플랫폼팀 선임 개발자")).isTrue();
    }

    @Test
    void a_title_like_line_with_nothing_after_it_stays_text() {
        var blocks = structure("""
                [어학]
                TOEIC 우수
                """);

        assertThat(blocks).extracting(Block::kind).containsExactly(Kind.HEADING, Kind.PARAGRAPH);
    }

    @Test
    void two_title_like_lines_in_a_row_make_one_heading_and_its_text() {
        var blocks = structure(
                """
                EXPERIENCE
                Bluefin Payments
                Senior Backend Engineer
                Built the settlement ledger.
                """);

        assertThat(blocks)
                .extracting(Block::kind, Block::text)
                .containsExactly(
                        tuple(Kind.HEADING, "EXPERIENCE"),
                        tuple(Kind.HEADING, "Bluefin Payments"),
                        tuple(Kind.PARAGRAPH, "Senior Backend Engineer"),
                        tuple(Kind.PARAGRAPH, "Built the settlement ledger."));
    }

    @Test
    void bullets_become_list_items_and_wrapped_lines_rejoin() {
        var blocks = structure(
                """
                • 결제 승인 처리량을 초당 3,500건에서 초당 12,000건으로
                  높였습니다.
                - 정산 배치 시간을 4시간에서 35분으로 줄였습니다.
                ▪배포 자동화
                """);

        assertThat(blocks)
                .extracting(Block::kind, Block::text)
                .containsExactly(
                        tuple(Kind.LIST_ITEM, "결제 승인 처리량을 초당 3,500건에서 초당 12,000건으로 높였습니다."),
                        tuple(Kind.LIST_ITEM, "정산 배치 시간을 4시간에서 35분으로 줄였습니다."),
                        tuple(Kind.LIST_ITEM, "배포 자동화"));
    }

    @Test
    void keeps_the_page_of_the_first_line_of_each_block() {
        var blocks = HeadingHeuristic.apply(List.of(
                Block.paragraph("■ 경력\n한빛페이에서 결제 시스템을 개발했습니다.").onPage(1),
                Block.paragraph("■ 자격증\n정보처리기사 2014.11").onPage(2)));

        assertThat(blocks)
                .extracting(Block::text, Block::page)
                .containsExactly(
                        tuple("경력", 1),
                        tuple("한빛페이에서 결제 시스템을 개발했습니다.", 1),
                        tuple("자격증", 2),
                        tuple("정보처리기사 2014.11", 2));
    }

    @Test
    void underlined_lines_are_headings_and_subheadings_go_one_level_below() {
        var blocks = structure(
                """
                PRODUCT CASE STUDIES
                ====================

                CASE STUDY 1: PROJECT TIDEWATER (STRIPE, 2021-2023)
                ---------------------------------------------------

                Context
                Finance teams told us month-end close was the most painful week.

                What happened
                - Month-end close went from 9 days to 3 days.
                """);

        assertThat(blocks)
                .filteredOn(b -> b.kind() == Kind.HEADING)
                .extracting(Block::level, Block::text)
                .containsExactly(
                        tuple(1, "PRODUCT CASE STUDIES"),
                        tuple(2, "CASE STUDY 1: PROJECT TIDEWATER (STRIPE, 2021-2023)"),
                        tuple(3, "Context"),
                        tuple(3, "What happened"));
    }

    @Test
    void a_line_led_by_a_bracketed_label_heads_its_block_and_drawn_rules_are_dropped() {
        var blocks = structure(
                """
                경력 요약
                토스페이먼츠 정산플랫폼팀 테크 리드 (2021.04 ~ 재직중)

                ────────────────────────────────────────
                [프로젝트 3] 주문 시스템 Spring Boot 기반 MSA 전환
                ────────────────────────────────────────
                - 소속: 쿠팡 주문플랫폼팀
                - 기간: 2018.03 ~ 2019.12 (1년 10개월)
                """);

        assertThat(blocks)
                .filteredOn(b -> b.kind() == Kind.HEADING)
                .extracting(Block::level, Block::text)
                .containsExactly(tuple(1, "경력 요약"), tuple(2, "[프로젝트 3] 주문 시스템 Spring Boot 기반 MSA 전환"));
        assertThat(blocks).extracting(Block::text).noneMatch(t -> t.contains("────"));
    }

    @Test
    void a_line_indented_under_a_bullet_continues_it_and_an_indented_label_opens_no_section() {
        var blocks = structure(
                """
                ■ 경력

                   [주요 프로젝트]
                   · 항암제 3상 임상시험 (MBC-ONC-301) : 2022.03 ~ 2024.02
                     국내 38개 기관, 피험자 612명 데이터관리 총괄
                     DB Lock 목표일 대비 11일 단축
                   · 당뇨병 치료제 2상 임상시험
                """);

        assertThat(blocks)
                .extracting(Block::kind, Block::text)
                .containsExactly(
                        tuple(Kind.HEADING, "경력"),
                        tuple(Kind.PARAGRAPH, "주요 프로젝트"),
                        tuple(
                                Kind.LIST_ITEM,
                                "항암제 3상 임상시험 (MBC-ONC-301) : 2022.03 ~ 2024.02 국내 38개 기관, 피험자 612명 데이터관리 총괄"
                                        + " DB Lock 목표일 대비 11일 단축"),
                        tuple(Kind.LIST_ITEM, "당뇨병 치료제 2상 임상시험"));
    }
}
