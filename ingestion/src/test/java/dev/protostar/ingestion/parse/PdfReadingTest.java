package dev.protostar.ingestion.parse;

import static dev.protostar.ingestion.parse.Documents.assertWellFormed;
import static dev.protostar.ingestion.parse.Documents.block;
import static dev.protostar.ingestion.parse.Documents.headings;
import static dev.protostar.ingestion.parse.Documents.parse;
import static dev.protostar.ingestion.parse.Documents.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.ParsedDocument.Format;
import org.junit.jupiter.api.Test;

class PdfReadingTest {

    @Test
    void finds_korean_sections_and_company_subheadings_by_font_under_the_name_line() throws Exception {
        var document = parse("resume-ko.pdf");

        assertThat(document.format()).isEqualTo(Format.PDF);
        assertThat(headings(document))
                .containsExactly(
                        "1 김서연 이력서",
                        "2 인적사항",
                        "2 학력",
                        "2 경력",
                        "3 한빛페이 | 결제플랫폼팀 선임 개발자",
                        "3 누리소프트 | 메시징개발팀 개발자",
                        "2 자격증",
                        "2 어학");
        assertWellFormed(document);
    }

    @Test
    void numbers_blocks_by_page() throws Exception {
        var document = parse("resume-ko.pdf");

        assertThat(block(document, "한빛페이").page()).isEqualTo(1);
        assertThat(block(document, "12,000건").page()).isEqualTo(1);
        assertThat(block(document, "누리소프트").page()).isEqualTo(2);
        assertThat(block(document, "TOEIC").page()).isEqualTo(2);
        assertThat(document.blocks()).allSatisfy(b -> assertThat(b.page()).isBetween(1, 2));
    }

    @Test
    void keeps_facts_verbatim_even_where_the_font_hides_its_spaces() throws Exception {
        // NanumGothic maps the space to the same glyph as control codes, so PDFBox extracts U+FFFD for it.
        var document = parse("resume-ko.pdf");

        assertThat(texts(document, Kind.LIST_ITEM))
                .containsExactly(
                        "결제 승인 처리량을 초당 3,500건에서 초당 12,000건으로 높였습니다.",
                        "정산 배치 시간을 4시간에서 35분으로 줄였습니다.",
                        "동시 접속자 80,000명을 처리하는 채팅 서버를 운영했습니다.");
        assertThat(texts(document, Kind.PARAGRAPH)).contains("재직기간: 2019.03 ~ 2022.08 (3년 5개월)");
        assertThat(texts(document, Kind.TABLE_ROW)).contains("TOEIC | 915점 | 2021.06");
    }

    @Test
    void reads_capitalised_english_sections_and_uses_the_metadata_title() throws Exception {
        var document = parse("resume-en.pdf");

        assertThat(document.title()).isEqualTo("Mira Castellan — Resume");
        assertThat(headings(document))
                .containsExactly(
                        "1 Mira Castellan",
                        "2 SUMMARY",
                        "2 EXPERIENCE",
                        "3 Bluefin Payments — Senior Backend Engineer",
                        "3 Harbor Messaging — Backend Engineer",
                        "2 EDUCATION",
                        "2 SKILLS");
        assertThat(block(document, "EDUCATION").page()).isEqualTo(2);
        assertWellFormed(document);
    }

    @Test
    void joins_a_paragraph_that_the_pdf_reader_split_at_a_line_wrap() throws Exception {
        var document = parse("resume-en.pdf");

        assertThat(texts(document, Kind.PARAGRAPH))
                .contains("Backend engineer with 7 years of experience building payment and messaging systems"
                        + " in Java and Kotlin, most recently leading a team of 5.");
    }

    @Test
    void without_a_metadata_title_the_first_heading_is_the_title() throws Exception {
        assertThat(parse("resume-ko.pdf").title()).isEqualTo("김서연 이력서");
    }
}
