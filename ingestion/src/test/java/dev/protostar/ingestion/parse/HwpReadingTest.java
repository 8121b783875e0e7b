package dev.protostar.ingestion.parse;

import static dev.protostar.ingestion.parse.Documents.assertWellFormed;
import static dev.protostar.ingestion.parse.Documents.bytes;
import static dev.protostar.ingestion.parse.Documents.headings;
import static dev.protostar.ingestion.parse.Documents.parse;
import static dev.protostar.ingestion.parse.Documents.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.ParsedDocument.Format;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.junit.jupiter.api.Test;

class HwpReadingTest {

    @Test
    void tika_detection_recognises_hwp_5_from_its_bytes() throws Exception {
        try (var in = TikaInputStream.get(bytes("resume-ko.hwp"))) {
            assertThat(new FileTypes().detector().detect(in, new Metadata())).isEqualTo(FileTypes.HWP);
        }
        assertThat(Documents.PARSER.parse("이력서-최종", bytes("resume-ko.hwp")).format())
                .isEqualTo(Format.HWP);
    }

    @Test
    void finds_plain_section_names_and_company_subheadings() throws Exception {
        var document = parse("resume-ko.hwp");

        assertThat(document.format()).isEqualTo(Format.HWP);
        assertThat(headings(document))
                .containsExactly(
                        "1 김서연 이력서",
                        "1 인적사항",
                        "1 학력",
                        "1 경력",
                        "2 한빛페이 | 결제플랫폼팀 선임 개발자",
                        "2 누리소프트 | 메시징개발팀 개발자",
                        "1 자격증",
                        "1 어학");
        assertWellFormed(document);
    }

    @Test
    void reads_hwp_tables_as_rows() throws Exception {
        var document = parse("resume-ko.hwp");

        assertThat(texts(document, Kind.TABLE_ROW))
                .containsExactly(
                        "정보처리기사 | 한국산업인력공단 | 2014.11",
                        "SQLD | 한국데이터산업진흥원 | 2016.05",
                        "TOEIC | 915점 | 2021.06",
                        "OPIc | IH | 2020.09");
    }

    @Test
    void reads_dashed_lines_as_list_items_and_keeps_figures() throws Exception {
        var document = parse("resume-ko.hwp");

        assertThat(texts(document, Kind.LIST_ITEM)).contains("결제 승인 처리량을 초당 3,500건에서 초당 12,000건으로 높였습니다.");
        assertThat(texts(document, Kind.PARAGRAPH)).contains("재직기간: 2019.03 ~ 2022.08 (3년 5개월)");
    }
}
