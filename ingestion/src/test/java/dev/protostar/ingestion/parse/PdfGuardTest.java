package dev.protostar.ingestion.parse;

import static dev.protostar.ingestion.parse.Documents.PARSER;
import static dev.protostar.ingestion.parse.Documents.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.protostar.ingestion.parse.UnreadableDocumentException.Code;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A PDF gets the guards a DOCX and an HWP get: hostile files are made here, not committed. */
class PdfGuardTest {

    private static final long MB = 1024 * 1024;

    @Test
    void refuses_a_pdf_whose_content_stream_inflates_like_a_bomb_without_running_out_of_memory() throws Exception {
        byte[] bomb = pdfWithContent(new byte[(int) (300 * MB)]);

        var refusal = refuse(bomb);

        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(refusal.code()).isEqualTo(Code.DECOMPRESSION_BOMB);
        assertThat(refusal.getMessage()).contains("PDF", "more than 100 times its size");
    }

    @Test
    void refuses_a_pdf_whose_streams_together_inflate_past_the_total() throws Exception {
        byte[] text = new byte[(int) (12 * MB)];
        var random = new Random(7);
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('a' + random.nextInt(26)); // compresses about 2:1, far below the ratio
        }
        var guard = new PdfGuard(new InflationGuard(100, 10 * MB), 10 * MB, 100);

        try (var document = guard.open(pdfWithContent(text))) {
            var refusal = catchThrowableOfType(UnreadableDocumentException.class, () -> guard.check(document));

            assertThat(refusal.code()).isEqualTo(Code.DECOMPRESSION_BOMB);
        }
    }

    @Test
    void refuses_a_pdf_of_more_pages_than_any_resume_before_reading_them() throws Exception {
        try (var document = new PDDocument()) {
            for (int i = 0; i < 101; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            try (var text = new PDPageContentStream(document, document.getPage(0))) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                text.newLineAtOffset(56, 780);
                text.showText("Kim Seoyeon - Backend engineer");
                text.endText();
            }
            var refusal = refuse(save(document));

            assertThat(refusal.code()).isEqualTo(Code.TOO_LARGE);
            assertThat(refusal.getMessage()).contains("101 pages", "more than the 100 we read");
        }
    }

    @Test
    void a_blank_scanned_page_compressing_far_better_than_the_ratio_is_not_a_bomb() throws Exception {
        var white = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        white.getRaster().setSamples(0, 0, 2480, 3508, 0, new int[2480 * 3508]);
        try (var document = new PDDocument()) {
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            var image = LosslessFactory.createFromImage(document, white);
            try (var content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            byte[] scan = save(document);
            var guard = new PdfGuard(new InflationGuard(100, 200 * MB), 200 * MB, 100);

            try (var loaded = guard.open(scan)) {
                assertThatCode(() -> guard.check(loaded)).doesNotThrowAnyException();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"resume-ko.pdf", "resume-en.pdf", "resume-ko-scan.pdf", "resume-en-scan.pdf"})
    void passes_every_genuine_pdf(String name) throws Exception {
        var limits = ParseProperties.defaults();
        var guard = new PdfGuard(
                new InflationGuard(
                        limits.maxInflationRatio(), limits.maxInflatedSize().toBytes()),
                limits.maxInflatedSize().toBytes(),
                limits.maxPdfPages());

        try (var document = guard.open(bytes(name))) {
            assertThatCode(() -> guard.check(document)).doesNotThrowAnyException();
        }
    }

    /** A one-page PDF whose content stream is {@code content}, Flate-compressed as PDFBox writes it. */
    private static byte[] pdfWithContent(byte[] content) throws Exception {
        try (var document = new PDDocument()) {
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            var stream = document.getDocument().createCOSStream();
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(content);
            }
            page.getCOSObject().setItem(COSName.CONTENTS, stream);
            return save(document);
        }
    }

    private static byte[] save(PDDocument document) throws Exception {
        var out = new ByteArrayOutputStream();
        document.save(out);
        try (var check = Loader.loadPDF(out.toByteArray())) {
            assertThat(check.getNumberOfPages()).isPositive();
        }
        return out.toByteArray();
    }

    private static UnreadableDocumentException refuse(byte[] pdf) {
        return catchThrowableOfType(UnreadableDocumentException.class, () -> PARSER.parse("resume.pdf", pdf));
    }
}
