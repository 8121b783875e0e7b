package dev.protostar.ingestion.parse;

import static dev.protostar.ingestion.parse.Documents.assertWellFormed;
import static dev.protostar.ingestion.parse.Documents.headings;
import static dev.protostar.ingestion.parse.Documents.parse;
import static dev.protostar.ingestion.parse.Documents.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.ParsedDocument.Format;
import org.junit.jupiter.api.Test;

class DocxReadingTest {

    @Test
    void reads_docx_heading_styles_as_levels_under_the_title() throws Exception {
        var document = parse("resume-ko.docx");

        assertThat(document.format()).isEqualTo(Format.DOCX);
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
    void reads_list_paragraphs_as_list_items() throws Exception {
        var document = parse("resume-ko.docx");

        assertThat(document.blocks())
                .filteredOn(b -> b.kind() == Kind.LIST_ITEM)
                .extracting(Block::text)
                .containsExactly(
                        "결제 승인 처리량을 초당 3,500건에서 초당 12,000건으로 높였습니다.",
                        "정산 배치 시간을 4시간에서 35분으로 줄였습니다.",
                        "동시 접속자 80,000명을 처리하는 채팅 서버를 운영했습니다.");
    }

    @Test
    void reads_table_rows_with_cells_joined() throws Exception {
        var document = parse("resume-ko.docx");

        assertThat(texts(document, Kind.TABLE_ROW))
                .containsExactly(
                        "정보처리기사 | 한국산업인력공단 | 2014.11",
                        "SQLD | 한국데이터산업진흥원 | 2016.05",
                        "TOEIC | 915점 | 2021.06",
                        "OPIc | IH | 2020.09");
    }

    @Test
    void keeps_dates_and_durations_verbatim() throws Exception {
        var document = parse("resume-ko.docx");

        assertThat(texts(document, Kind.PARAGRAPH))
                .contains("재직기간: 2019.03 ~ 2022.08 (3년 5개월)", "2011.03 ~ 2015.02 한결대학교 컴퓨터공학과 졸업 (학점 4.1/4.5)");
        assertThat(document.blocks()).allSatisfy(b -> assertThat(b.page()).isZero());
    }

    @Test
    void takes_the_title_from_document_properties_else_the_first_heading() throws Exception {
        assertThat(parse("resume-ko.docx").title()).isEqualTo("김서연 이력서");
        assertThat(parse("resume-en.docx").title()).isEqualTo("Mira Castellan");
    }

    @Test
    void reads_english_sections_and_figures() throws Exception {
        var document = parse("resume-en.docx");

        assertThat(headings(document))
                .containsExactly(
                        "1 Mira Castellan",
                        "2 Summary",
                        "2 Experience",
                        "3 Bluefin Payments — Senior Backend Engineer",
                        "3 Harbor Messaging — Backend Engineer",
                        "2 Education",
                        "2 Skills");
        assertThat(texts(document, Kind.LIST_ITEM))
                .contains("Raised settlement throughput from 2,000 to 9,500 transactions per second.");
        assertThat(texts(document, Kind.TABLE_ROW)).contains("Languages | Java, Kotlin, SQL");
    }
}
