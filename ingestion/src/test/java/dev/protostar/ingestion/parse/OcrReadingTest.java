package dev.protostar.ingestion.parse;

import static dev.protostar.ingestion.parse.Documents.PARSER;
import static dev.protostar.ingestion.parse.Documents.assertWellFormed;
import static dev.protostar.ingestion.parse.Documents.block;
import static dev.protostar.ingestion.parse.Documents.bytes;
import static dev.protostar.ingestion.parse.Documents.headings;
import static dev.protostar.ingestion.parse.Documents.parse;
import static dev.protostar.ingestion.parse.Documents.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scans read with the real tesseract (Debian's tesseract-ocr with its kor and eng models, as
 * {@code infra/bin/services} installs it). The scans are the text PDFs printed to pictures and back:
 *
 * <pre>
 * cd ingestion/src/test/resources/documents
 * pdftoppm -r 200 -gray -png resume-ko.pdf ko &amp;&amp; img2pdf ko-1.png ko-2.png -o resume-ko-scan.pdf
 * pdftoppm -r 200 -gray -png resume-en.pdf en &amp;&amp; img2pdf en-1.png en-2.png -o resume-en-scan.pdf
 * mv ko-1.png resume-ko-scan.png
 * pdftoppm -r 200 -gray -jpeg -jpegopt quality=90 -f 1 -l 1 -singlefile resume-en.pdf resume-en-scan
 * rm ko-*.png en-*.png
 * </pre>
 *
 * The figures asserted are the ones OCR gives back verbatim; a few others it misreads (TOEIC's "915점" comes out
 * as "9154"), which is why OCR'd text is marked as such.
 */
class OcrReadingTest {

    private static ParsedDocument koreanScan;
    private static final List<String> koreanProgress = new ArrayList<>();

    @BeforeAll
    static void readTheKoreanScanOnce() throws Exception {
        koreanScan = PARSER.parse(
                "resume-ko-scan.pdf",
                bytes("resume-ko-scan.pdf"),
                (read, total) -> koreanProgress.add(read + "/" + total));
    }

    @Test
    void reads_a_scanned_korean_pdf_with_its_figures_verbatim_and_marks_it_ocr() {
        assertThat(koreanScan.format()).isEqualTo(Format.PDF);
        assertThat(koreanScan.ocr()).isTrue();
        assertThat(texts(koreanScan, Kind.LIST_ITEM))
                .contains(
                        "결제 승인 처리량을 초당 3,500건에서 초당 12,000건으로 높였습니다.",
                        "정산 배치 시간을 4시간에서 35분으로 줄였습니다.",
                        "동시 접속자 80,000명을 처리하는 채팅 서버를 운영했습니다.");
        assertThat(texts(koreanScan, Kind.PARAGRAPH))
                .contains("재직기간: 2019.03 ~ 2022.08 (3년 5개월)", "재직기간: 2015.03 ~ 2019.02 (3년 11개월)");
        assertWellFormed(koreanScan);
    }

    @Test
    void a_scan_keeps_the_section_headings_and_pages_of_the_text_pdf() {
        assertThat(koreanScan.title()).isEqualTo("김서연 이력서");
        assertThat(headings(koreanScan))
                .containsExactly(
                        "1 김서연 이력서",
                        "1 인적사항",
                        "1 학력",
                        "1 경력",
                        "2 한빛페이 | 결제플랫폼팀 선임 개발자",
                        "2 누리소프트 | 메시징개발팀 개발자",
                        "1 자격증",
                        "1 어학");
        assertThat(block(koreanScan, "12,000건").page()).isEqualTo(1);
        assertThat(block(koreanScan, "80,000명").page()).isEqualTo(2);
    }

    @Test
    void reports_each_page_as_it_is_read() {
        assertThat(koreanProgress).containsExactly("0/2", "1/2", "2/2");
    }

    @Test
    void reads_a_scanned_english_pdf() throws Exception {
        var document = parse("resume-en-scan.pdf");

        assertThat(document.ocr()).isTrue();
        assertThat(headings(document))
                .containsExactly(
                        "1 Mira Castellan",
                        "1 SUMMARY",
                        "1 EXPERIENCE",
                        "2 Bluefin Payments — Senior Backend Engineer",
                        "2 Harbor Messaging — Backend Engineer",
                        "1 EDUCATION",
                        "1 SKILLS");
        assertThat(texts(document, Kind.LIST_ITEM))
                .contains(
                        "Raised settlement throughput from 2,000 to 9,500 transactions per second.",
                        "Cut p99 checkout latency from 480 ms to 120 ms.");
        assertThat(block(document, "GPA 3.8/4.0").page()).isEqualTo(2);
    }

    @Test
    void reads_png_and_jpeg_resumes() throws Exception {
        var png = parse("resume-ko-scan.png");
        var jpeg = parse("resume-en-scan.jpg");

        assertThat(png.format()).isEqualTo(Format.IMAGE);
        assertThat(png.ocr()).isTrue();
        assertThat(png.title()).isEqualTo("김서연 이력서");
        assertThat(headings(png)).contains("1 경력", "2 한빛페이 | 결제플랫폼팀 선임 개발자");
        assertThat(texts(png, Kind.LIST_ITEM)).contains("결제 승인 처리량을 초당 3,500건에서 초당 12,000건으로 높였습니다.");
        assertThat(jpeg.format()).isEqualTo(Format.IMAGE);
        assertThat(texts(jpeg, Kind.LIST_ITEM)).contains("Cut p99 checkout latency from 480 ms to 120 ms.");
        // A picture has no pages: its blocks are placed by paragraph.
        assertThat(png.blocks()).allSatisfy(b -> assertThat(b.page()).isZero());
        assertWellFormed(png);
        assertWellFormed(jpeg);
    }

    @Test
    void reads_the_two_line_scan_as_a_short_resume() throws Exception {
        var document = parse("scanned.pdf");

        assertThat(document.ocr()).isTrue();
        assertThat(document.title()).isEqualTo("Mira Castellan");
        assertThat(texts(document, Kind.PARAGRAPH)).containsExactly("Backend Engineer, 7 years");
    }

    @Test
    void a_scan_whose_text_layer_is_only_page_numbers_is_read_by_ocr() throws Exception {
        var document = PARSER.parse("scan.pdf", numbered(bytes("resume-en-scan.pdf")));

        assertThat(document.ocr()).isTrue();
        assertThat(texts(document, Kind.LIST_ITEM)).contains("Cut p99 checkout latency from 480 ms to 120 ms.");
    }

    @Test
    void a_pdf_with_a_text_layer_is_not_read_by_ocr() throws Exception {
        var progress = new ArrayList<String>();

        var document = PARSER.parse(
                "resume-en.pdf", bytes("resume-en.pdf"), (read, total) -> progress.add(read + "/" + total));

        assertThat(document.ocr()).isFalse();
        assertThat(progress).isEmpty();
    }

    /** The scan with its page number written as text at the foot of each page, as some scanners stamp it. */
    private static byte[] numbered(byte[] scan) throws Exception {
        try (var doc = Loader.loadPDF(scan)) {
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                try (var content = new PDPageContentStream(doc, doc.getPage(i), AppendMode.APPEND, true)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
                    content.newLineAtOffset(290, 20);
                    content.showText(Integer.toString(i + 1));
                    content.endText();
                }
            }
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
