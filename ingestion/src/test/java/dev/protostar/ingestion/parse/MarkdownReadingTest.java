package dev.protostar.ingestion.parse;

import static dev.protostar.ingestion.parse.Documents.assertWellFormed;
import static dev.protostar.ingestion.parse.Documents.headings;
import static dev.protostar.ingestion.parse.Documents.parse;
import static dev.protostar.ingestion.parse.Documents.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.ParsedDocument.Format;
import org.junit.jupiter.api.Test;

class MarkdownReadingTest {

    @Test
    void reads_atx_and_setext_headings_as_levels() throws Exception {
        var document = parse("resume-en.md");

        assertThat(document.format()).isEqualTo(Format.MARKDOWN);
        assertThat(headings(document))
                .containsExactly(
                        "1 Mira Castellan",
                        "2 Summary",
                        "2 Experience",
                        "3 Bluefin Payments — Senior Backend Engineer",
                        "3 Harbor Messaging — Backend Engineer",
                        "2 Skills");
        assertThat(document.title()).isEqualTo("Mira Castellan");
        assertWellFormed(document);
    }

    @Test
    void a_bold_line_alone_is_a_section_and_a_bold_lead_above_its_lines_heads_them() {
        var blocks = MarkdownBlocks.parse(
                        """
                        # Lucía Moreno

                        **About me**

                        **Summary.** A mobile engineer who moved into management.

                        **Work history**

                        **Kestrel Mobility GmbH** | Berlin | Apr 2022 – Present
                        *Engineering Manager, Mobile* (since Jan 2023)

                        - Manage 9 engineers.

                        **2019.03 ~ 2021.08** · 종합 온라인 쇼핑몰
                        백엔드 개발

                        ## Skills

                        **Languages**

                        - Swift

                        ## Experience

                        **Lumen Mobility** — Singapore
                        *Senior Machine Learning Engineer* | Jan 2022 – present
                        """)
                .blocks();
        assertThat(blocks)
                .filteredOn(b -> b.kind() == Kind.HEADING)
                .extracting(Block::level, Block::text)
                .containsExactly(
                        tuple(1, "Lucía Moreno"),
                        tuple(2, "About me"),
                        tuple(2, "Work history"),
                        tuple(3, "Kestrel Mobility GmbH | Berlin | Apr 2022 – Present"),
                        tuple(2, "Skills"),
                        tuple(3, "Languages"),
                        tuple(2, "Experience"));
        assertThat(blocks)
                .filteredOn(b -> b.kind() == Kind.PARAGRAPH)
                .extracting(Block::text)
                .containsExactly(
                        "Summary. A mobile engineer who moved into management.",
                        "Engineering Manager, Mobile (since Jan 2023)",
                        "2019.03 ~ 2021.08 · 종합 온라인 쇼핑몰 백엔드 개발",
                        "Lumen Mobility — Singapore Senior Machine Learning Engineer | Jan 2022 – present");
    }

    @Test
    void a_resume_without_hashes_has_its_title_numbered_sections_and_bold_jobs_as_headings() {
        var blocks = MarkdownBlocks.parse(
                        """
                        유승민 경력기술서
                        게임 클라이언트 · 그래픽스 프로그래머

                        1. 경력사항

                        **블루하운드게임즈 (주) | 클라이언트팀 리드 | 2022.04 ~ 현재**
                        - 클라이언트팀 9명 리드

                        **모노크롬스튜디오 | 클라이언트 프로그래머 | 2019.07 ~ 2022.03**
                        - 모바일 RPG 개발

                        2. 학력

                        - 광운대학교 컴퓨터공학과

                        1. Unity로 시작했다
                        2. 그다음 Unreal
                        """)
                .blocks();
        assertThat(blocks)
                .filteredOn(b -> b.kind() == Kind.HEADING)
                .extracting(Block::level, Block::text)
                .containsExactly(
                        tuple(1, "유승민 경력기술서"),
                        tuple(2, "경력사항"),
                        tuple(3, "블루하운드게임즈 (주) | 클라이언트팀 리드 | 2022.04 ~ 현재"),
                        tuple(3, "모노크롬스튜디오 | 클라이언트 프로그래머 | 2019.07 ~ 2022.03"),
                        tuple(2, "학력"));
        assertThat(blocks)
                .filteredOn(b -> b.kind() == Kind.LIST_ITEM)
                .extracting(Block::text)
                .contains("Unity로 시작했다", "그다음 Unreal");
    }

    @Test
    void a_dated_bold_entry_with_only_a_list_under_it_is_an_entry_of_the_bold_section_above() {
        var blocks = MarkdownBlocks.parse(
                        """
                        **오태경**
                        데이터 사이언티스트

                        **경력**

                        **바람손해보험 | 데이터 분석가 | 2019.07 ~ 2021.12**
                        보험사기 탐지 TF 5명 소속

                        **그린셀바이오 | 데이터 분석 연구원 (계약직) | 2018.03 ~ 2019.06**
                        - 유전체 시퀀싱 데이터 전처리 파이프라인 개발

                        **학력**
                        """)
                .blocks();
        assertThat(blocks)
                .filteredOn(b -> b.kind() == Kind.HEADING)
                .extracting(Block::level, Block::text)
                .containsExactly(
                        tuple(1, "오태경"),
                        tuple(2, "경력"),
                        tuple(3, "바람손해보험 | 데이터 분석가 | 2019.07 ~ 2021.12"),
                        tuple(3, "그린셀바이오 | 데이터 분석 연구원 (계약직) | 2018.03 ~ 2019.06"),
                        tuple(2, "학력"));
    }

    @Test
    void reads_bulleted_numbered_and_nested_list_items() throws Exception {
        var document = parse("resume-en.md");

        assertThat(document.blocks())
                .filteredOn(b -> b.kind() == Kind.LIST_ITEM)
                .extracting(Block::level, Block::text)
                .containsExactly(
                        tuple(1, "Raised settlement throughput from 2,000 to 9,500 transactions per second."),
                        tuple(1, "Cut p99 checkout latency from 480 ms to 120 ms."),
                        tuple(2, "Replaced the synchronous fraud check with a streaming scorer."),
                        tuple(1, "Ran a chat cluster serving 1.2 million daily active users."),
                        tuple(1, "Migrated 40 services from VMs to Kubernetes."));
    }

    @Test
    void reads_tables_row_by_row_with_the_header_labelling_the_cells() throws Exception {
        assertThat(texts(parse("resume-en.md"), Kind.TABLE_ROW))
                .containsExactly(
                        "Area: Languages | Tools: Java, Kotlin, SQL",
                        "Area: Infrastructure | Tools: Kafka, PostgreSQL, Kubernetes");
        assertThat(MarkdownBlocks.parse("| 회사 | 기간 |\n|---|---|\n\n| a | b |\nc | d\n")
                        .blocks())
                .extracting(Block::text)
                .as("a table that is only its header, and one without a header")
                .containsExactly("회사 | 기간", "a | b", "c | d");
    }

    @Test
    void a_file_that_marks_no_heading_has_its_headings_found_in_its_words() {
        var blocks = MarkdownBlocks.parse(
                        """
                        한지윤 — Android / 모바일 앱 개발자

                        연락처: jiyun@example.com

                        ■ 경력 요약

                        | 회사 | 기간 | 직무 |
                        |---|---|---|
                        | (주)달빛페이 | 2021.09 ~ 현재 | Android 파트 리드 |

                        ■ 경력 상세

                        [(주)달빛페이] 2021.09 ~ 현재 / Android 파트 리드
                        간편결제 앱 **'달빛지갑'** Android 파트 리드.
                        - 크래시 프리 비율 98.2% → 99.7% 개선
                        """)
                .blocks();

        assertThat(blocks)
                .extracting(Block::kind, Block::level, Block::text)
                .containsExactly(
                        tuple(Kind.HEADING, 1, "한지윤 — Android / 모바일 앱 개발자"),
                        tuple(Kind.PARAGRAPH, 0, "연락처: jiyun@example.com"),
                        tuple(Kind.HEADING, 1, "경력 요약"),
                        tuple(Kind.TABLE_ROW, 0, "회사: (주)달빛페이 | 기간: 2021.09 ~ 현재 | 직무: Android 파트 리드"),
                        tuple(Kind.HEADING, 1, "경력 상세"),
                        tuple(Kind.HEADING, 2, "[(주)달빛페이] 2021.09 ~ 현재 / Android 파트 리드"),
                        tuple(Kind.PARAGRAPH, 0, "간편결제 앱 '달빛지갑' Android 파트 리드."),
                        tuple(Kind.LIST_ITEM, 1, "크래시 프리 비율 98.2% → 99.7% 개선"));
    }

    @Test
    void reduces_inline_markup_to_its_words_and_keeps_code_as_text() throws Exception {
        var document = parse("resume-en.md");

        assertThat(texts(document, Kind.PARAGRAPH))
                .contains(
                        "Backend engineer with 7 years of experience building payment and messaging systems"
                                + " in Java and Kotlin, most recently leading a team of 5.",
                        "# not a heading: code blocks are kept as text");
    }

    @Test
    void reads_korean_markdown_with_figures_verbatim() throws Exception {
        var document = parse("resume-ko.md");

        assertThat(headings(document))
                .containsExactly("1 김서연 이력서", "2 경력", "3 한빛페이 (2019.03 ~ 2022.08, 3년 5개월)", "2 자격증", "2 어학");
        assertThat(texts(document, Kind.LIST_ITEM)).contains("결제 승인 처리량: 초당 3,500건 → 초당 12,000건");
        assertThat(texts(document, Kind.TABLE_ROW)).contains("자격증: 정보처리기사 | 발급기관: 한국산업인력공단 | 취득일: 2014.11");
        assertThat(texts(document, Kind.PARAGRAPH)).contains("TOEIC 915점 (2021.06)");
    }

    @Test
    void skips_front_matter_but_keeps_its_title() {
        var result = MarkdownBlocks.parse("---\ntitle: \"Kim Seoyeon — CV\"\nlang: ko\n---\n# 경력\n\n한빛페이\n");

        assertThat(result.title()).isEqualTo("Kim Seoyeon — CV");
        assertThat(result.blocks())
                .extracting(Block::kind, Block::text)
                .containsExactly(tuple(Kind.HEADING, "경력"), tuple(Kind.PARAGRAPH, "한빛페이"));
    }

    @Test
    void a_dashed_line_after_a_blank_line_is_a_break_not_a_heading() {
        var result = MarkdownBlocks.parse("# CV\n\nIntro line\n\n---\n\nMore text\n");

        assertThat(result.blocks())
                .extracting(Block::kind)
                .containsExactly(Kind.HEADING, Kind.PARAGRAPH, Kind.PARAGRAPH);
    }
}
