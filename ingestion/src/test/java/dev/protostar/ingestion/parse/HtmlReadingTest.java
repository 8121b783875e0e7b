package dev.protostar.ingestion.parse;

import static dev.protostar.ingestion.parse.Documents.assertWellFormed;
import static dev.protostar.ingestion.parse.Documents.headings;
import static dev.protostar.ingestion.parse.Documents.parse;
import static dev.protostar.ingestion.parse.Documents.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlReadingTest {

    @Test
    void reads_html_headings_as_levels() throws Exception {
        var document = parse("resume-ko.html");

        assertThat(document.format()).isEqualTo(Format.HTML);
        assertThat(document.title()).isEqualTo("김서연 이력서");
        assertThat(headings(document)).containsExactly("1 김서연", "2 경력", "3 한빛페이", "3 누리소프트", "2 자격증 및 어학");
        assertWellFormed(document);
    }

    @Test
    void drops_navigation_scripts_and_styles() throws Exception {
        var document = parse("resume-ko.html");

        assertThat(document.blocks())
                .extracting(Block::text)
                .noneMatch(t -> t.contains("블로그")
                        || t.contains("trackVisitor")
                        || t.contains("font-family")
                        || t.contains("스크립트"));
    }

    @Test
    void reads_nested_lists_with_levels_and_table_rows_with_their_header_labels() throws Exception {
        var document = parse("resume-ko.html");

        assertThat(document.blocks())
                .filteredOn(b -> b.kind() == Kind.LIST_ITEM)
                .extracting(Block::level, Block::text)
                .containsExactly(
                        tuple(1, "결제 승인 처리량을 초당 3,500건에서 초당 12,000건으로 높였습니다."),
                        tuple(1, "정산 배치 시간을 4시간에서 35분으로 줄였습니다."),
                        tuple(2, "배치를 12개 파티션으로 나눠 병렬 처리"));
        assertThat(texts(document, Kind.TABLE_ROW))
                .containsExactly("항목: 정보처리기사 | 점수·등급: 합격 | 취득일: 2014.11", "항목: TOEIC | 점수·등급: 915 | 취득일: 2021.06");
    }

    @Test
    void reads_legacy_korean_encodings_declared_in_the_page() throws Exception {
        String page = "<html><head><meta charset=\"euc-kr\"><title>이력서</title></head>"
                + "<body><h1>경력</h1><p>똠얌 물류에서 3년 5개월 근무</p></body></html>";

        var document = Documents.PARSER.parse("cv.html", page.getBytes("x-windows-949"));

        assertThat(texts(document, Kind.PARAGRAPH)).containsExactly("똠얌 물류에서 3년 5개월 근무");
        assertThat(page.getBytes(StandardCharsets.UTF_8)).isNotEqualTo(page.getBytes("x-windows-949"));
    }
}
