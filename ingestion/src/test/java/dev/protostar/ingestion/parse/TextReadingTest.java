package dev.protostar.ingestion.parse;

import static dev.protostar.ingestion.parse.Documents.assertWellFormed;
import static dev.protostar.ingestion.parse.Documents.bytes;
import static dev.protostar.ingestion.parse.Documents.headings;
import static dev.protostar.ingestion.parse.Documents.parse;
import static dev.protostar.ingestion.parse.Documents.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextReadingTest {

    @Test
    void reads_bracketed_sections_and_company_subheadings() throws Exception {
        var document = parse("resume-ko.txt");

        assertThat(document.format()).isEqualTo(Format.TEXT);
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
    void joins_wrapped_lines_but_not_lines_that_end_a_field() throws Exception {
        var document = parse("resume-ko.txt");

        assertThat(texts(document, Kind.PARAGRAPH))
                .contains(
                        "재직기간: 2019.03 ~ 2022.08 (3년 5개월)",
                        "결제 승인 API와 정산 배치를 Java 17, Spring Boot, Kafka로 개발했습니다.",
                        "성명: 김서연",
                        "희망 직무: 백엔드 개발자");
        assertThat(texts(document, Kind.LIST_ITEM))
                .containsExactly(
                        "결제 승인 처리량을 초당 3,500건에서 초당 12,000건으로 높였습니다.",
                        "정산 배치 시간을 4시간에서 35분으로 줄였습니다.",
                        "동시 접속자 80,000명을 처리하는 채팅 서버를 운영했습니다.");
    }

    @Test
    void decodes_cp949_including_syllables_euc_kr_lacks() throws Exception {
        var document = parse("resume-ko-cp949.txt");

        assertThat(bytes("resume-ko-cp949.txt")).isNotEqualTo("똠".getBytes(StandardCharsets.UTF_8));
        assertThat(texts(document, Kind.PARAGRAPH))
                .contains("취미: 똠얌꿍 끓이기", "배차 최적화 서버를 개발해 하루 평균 45,000건의 배송을 처리했습니다.");
        assertThat(headings(document))
                .containsExactly("1 박지훈 경력기술서", "1 1. 인적사항", "1 2. 경력", "2 가온물류 | 배송플랫폼팀 개발자", "1 3. 자격증");
        assertWellFormed(document);
    }

    @Test
    void reads_utf16_with_a_byte_order_mark() throws Exception {
        byte[] content = "\uFEFF[경력]\n한빛페이에서 결제 시스템을 개발했습니다.\n".getBytes(StandardCharsets.UTF_16LE);

        var document = Documents.PARSER.parse("cv.txt", content);

        assertThat(document.blocks()).extracting(Block::text).containsExactly("경력", "한빛페이에서 결제 시스템을 개발했습니다.");
    }
}
