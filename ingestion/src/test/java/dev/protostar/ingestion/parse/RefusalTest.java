package dev.protostar.ingestion.parse;

import static dev.protostar.ingestion.parse.Documents.PARSER;
import static dev.protostar.ingestion.parse.Documents.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.protostar.ingestion.parse.UnreadableDocumentException.Code;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Files that must not become chunks: each is refused with its code and a reason a person can act on. */
class RefusalTest {

    @Test
    void refuses_password_protected_pdf() {
        var refusal = refuse("encrypted.pdf", bytes("encrypted.pdf"));

        assertThat(refusal.code()).isEqualTo(Code.ENCRYPTED);
        assertThat(refusal).hasMessage("The PDF is password-protected; upload a copy without a password.");
    }

    @Test
    void refuses_a_picture_in_which_ocr_finds_no_text() {
        var refusal = refuse("photo.png", bytes("photo.png"));

        assertThat(refusal.code()).isEqualTo(Code.NO_TEXT);
        assertThat(refusal)
                .hasMessage("The image holds no text that could be read, even with OCR: send a PDF with a text layer,"
                        + " or a clearer scan or photo of the resume.");
    }

    @Test
    void refuses_a_pdf_without_text_layer_in_which_ocr_finds_no_text() throws Exception {
        var refusal = refuse("blank.pdf", blankPdf());

        assertThat(refusal.code()).isEqualTo(Code.NO_TEXT);
        assertThat(refusal)
                .hasMessage("The PDF has no text layer, and no text could be read from its pages even with OCR:"
                        + " send a PDF with a text layer or a clearer scan.");
    }

    @Test
    void refuses_empty_file() {
        assertThat(refuse("empty.pdf", bytes("empty.pdf")).code()).isEqualTo(Code.EMPTY);
        assertThat(refuse("cv.txt", " \n\t\r\n ".getBytes(StandardCharsets.UTF_8))
                        .code())
                .isEqualTo(Code.EMPTY);
    }

    @Test
    void refuses_a_pdf_that_is_really_a_png() {
        var refusal = refuse("not-a-pdf.pdf", bytes("not-a-pdf.pdf"));

        assertThat(refusal.code()).isEqualTo(Code.TYPE_MISMATCH);
        assertThat(refusal.getMessage()).contains("not-a-pdf.pdf", "not a PDF", "a PNG image");
    }

    @Test
    void refuses_a_pdf_that_is_really_text_and_a_docx_that_is_really_a_pdf() {
        var text = refuse("resume.pdf", "Kim Seoyeon\nBackend engineer\n".getBytes(StandardCharsets.UTF_8));
        var pdf = refuse("resume.docx", bytes("resume-en.pdf"));

        assertThat(text.code()).isEqualTo(Code.TYPE_MISMATCH);
        assertThat(text.getMessage()).contains("not a PDF", "plain text");
        assertThat(pdf.code()).isEqualTo(Code.TYPE_MISMATCH);
        assertThat(pdf.getMessage()).contains("not a Word document (DOCX)", "it is a PDF");
    }

    @Test
    void refuses_a_text_file_that_is_binary() {
        var refusal = refuse("cv.txt", bytes("photo.png"));

        assertThat(refusal.code()).isEqualTo(Code.TYPE_MISMATCH);
        assertThat(refusal.getMessage()).contains("a PNG image");
    }

    @Test
    void refuses_images_archives_spreadsheets_and_programs_naming_what_they_are() throws Exception {
        var photo = refuse("photo.gif", gif());
        var archive = refuse("archive.zip", bytes("archive.zip"));
        var sheet = refuse("경력.xlsx", spreadsheet());
        var program = refuse("setup.exe", program());

        assertThat(photo.code()).isEqualTo(Code.UNSUPPORTED_TYPE);
        assertThat(photo.getMessage()).contains("a GIF image", "read from PNG and JPEG files", Refusals.SUPPORTED);
        assertThat(archive.code()).isEqualTo(Code.UNSUPPORTED_TYPE);
        assertThat(archive.getMessage()).contains("a ZIP archive", Refusals.SUPPORTED);
        assertThat(sheet.getMessage()).contains("an Excel spreadsheet");
        assertThat(program.getMessage()).contains("a program");
    }

    @Test
    void refuses_json_that_is_not_a_json_resume() {
        var refusal = refuse("not-a-resume.json", bytes("not-a-resume.json"));

        assertThat(refusal.code()).isEqualTo(Code.UNSUPPORTED_TYPE);
        assertThat(refusal.getMessage()).startsWith("The file is JSON that is not a JSON Resume");
    }

    @Test
    void refuses_docx_that_inflates_like_a_bomb_without_running_out_of_memory() {
        byte[] bomb = bytes("bomb.docx");

        var refusal = refuse("bomb.docx", bomb);

        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThat(refusal.code()).isEqualTo(Code.DECOMPRESSION_BOMB);
        assertThat(refusal.getMessage()).contains("DOCX", "more than 100 times its size");
    }

    @Test
    void refuses_password_protected_docx() throws Exception {
        var refusal = refuse("resume.docx", encrypted(bytes("resume-en.docx")));

        assertThat(refusal.code()).isEqualTo(Code.ENCRYPTED);
        assertThat(refusal).hasMessageStartingWith("The Word document is password-protected");
    }

    @Test
    void refuses_password_protected_hwp() {
        var refusal = refuse("encrypted.hwp", bytes("encrypted.hwp"));

        assertThat(refusal.code()).isEqualTo(Code.ENCRYPTED);
        assertThat(refusal.getMessage()).startsWith("The HWP document is password-protected");
    }

    @Test
    void refuses_hwp_distribution_copies() throws Exception {
        byte[] hwp = withFileHeaderFlag(bytes("resume-ko.hwp"), 0x04);

        var refusal = refuse("배포용.hwp", hwp);

        assertThat(refusal.code()).isEqualTo(Code.ENCRYPTED);
        assertThat(refusal.getMessage()).contains("distribution copy");
    }

    @Test
    void refuses_hwp_whose_section_inflates_like_a_bomb() throws Exception {
        byte[] hwp = withSection(bytes("resume-ko.hwp"), deflated(new byte[40 * 1024 * 1024]));

        var refusal = refuse("bomb.hwp", hwp);

        assertThat(hwp.length).isLessThan(200 * 1024);
        assertThat(refusal.code()).isEqualTo(Code.DECOMPRESSION_BOMB);
    }

    @Test
    void calls_damaged_files_corrupt_by_their_format() {
        byte[] docx = bytes("resume-en.docx");
        var docxRefusal = refuse("resume.docx", Arrays.copyOf(docx, docx.length / 2));
        var pdfRefusal =
                refuse("resume.pdf", ("%PDF-1.7\n" + "garbage ".repeat(50)).getBytes(StandardCharsets.US_ASCII));
        var jsonRefusal = refuse("resume.json", "{ \"basics\": ".getBytes(StandardCharsets.UTF_8));

        assertThat(docxRefusal.code()).isEqualTo(Code.CORRUPT);
        assertThat(docxRefusal.getMessage()).startsWith("The file could not be read as DOCX: it seems damaged.");
        assertThat(pdfRefusal.code()).isEqualTo(Code.CORRUPT);
        assertThat(pdfRefusal.getMessage()).startsWith("The file could not be read as PDF: it seems damaged.");
        assertThat(jsonRefusal.code()).isEqualTo(Code.CORRUPT);
        assertThat(jsonRefusal.getMessage()).contains("not valid JSON", "line 1");
    }

    @Test
    void refuses_files_over_the_size_limit_and_text_over_the_character_limit() throws Exception {
        var small = new TikaDocumentParser(
                new ParseProperties(org.springframework.util.unit.DataSize.ofKilobytes(2), 0, null, 0, null, 0));
        var short_ = new TikaDocumentParser(new ParseProperties(null, 200, null, 0, null, 0));

        var size = catchThrowableOfType(
                UnreadableDocumentException.class, () -> small.parse("resume-ko.docx", bytes("resume-ko.docx")));
        var text = catchThrowableOfType(
                UnreadableDocumentException.class, () -> short_.parse("resume-ko.docx", bytes("resume-ko.docx")));
        var plain = catchThrowableOfType(
                UnreadableDocumentException.class, () -> short_.parse("resume-ko.txt", bytes("resume-ko.txt")));

        assertThat(size.code()).isEqualTo(Code.TOO_LARGE);
        assertThat(size.getMessage()).containsPattern("The file is \\d+ KB, more than the 2 KB we read");
        assertThat(text.code()).isEqualTo(Code.TOO_LARGE);
        assertThat(text.getMessage()).contains("more than 200 characters");
        assertThat(plain.code()).isEqualTo(Code.TOO_LARGE);
    }

    @Test
    void every_reason_is_written_for_a_person() throws Exception {
        String[] bad = {
            "encrypted.pdf",
            "empty.pdf",
            "not-a-pdf.pdf",
            "bomb.docx",
            "photo.png",
            "archive.zip",
            "not-a-resume.json",
            "encrypted.hwp"
        };
        for (String name : bad) {
            assertThat(refuse(name, bytes(name)).getMessage())
                    .as(name)
                    .doesNotContainPattern("Exception|Error|[a-z]+\\.[a-z]+\\.[A-Z]|\\bat [a-z]+\\.|\\$|null")
                    .matches("^The (file|PDF|HWP|Word|DOCX|image).*[.)]$");
        }
    }

    private static UnreadableDocumentException refuse(String name, byte[] content) {
        var refusal = catchThrowableOfType(UnreadableDocumentException.class, () -> PARSER.parse(name, content));
        assertThat(refusal).as("%s is refused", name).isNotNull();
        return refusal;
    }

    /** A PDF whose one page is blank: no text layer, and nothing for OCR to read either. */
    private static byte[] blankPdf() throws Exception {
        try (var doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] gif() throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_INDEXED), "gif", out);
        return out.toByteArray();
    }

    private static byte[] spreadsheet() throws Exception {
        try (var workbook = new XSSFWorkbook()) {
            workbook.createSheet("경력").createRow(0).createCell(0).setCellValue("한빛페이");
            var out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The start of a Windows program: "MZ", and at the offset it names, "PE". */
    private static byte[] program() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    /** What Word does with "Encrypt with password": the package, encrypted, inside an OLE2 container. */
    private static byte[] encrypted(byte[] docx) throws Exception {
        try (var fs = new POIFSFileSystem()) {
            var encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("open-sesame");
            try (var pkg = OPCPackage.open(new ByteArrayInputStream(docx));
                    var out = encryptor.getDataStream(fs)) {
                pkg.save(out);
            }
            return write(fs);
        }
    }

    private static byte[] deflated(byte[] content) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var deflate = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION, true))) {
            deflate.write(content);
        }
        return out.toByteArray();
    }

    private static byte[] withFileHeaderFlag(byte[] hwp, int flag) throws Exception {
        try (var fs = new POIFSFileSystem(new ByteArrayInputStream(hwp))) {
            byte[] header;
            try (var in = fs.createDocumentInputStream("FileHeader")) {
                header = in.readAllBytes();
            }
            header[36] |= (byte) flag;
            fs.getRoot().getEntry("FileHeader").delete();
            fs.createDocument(new ByteArrayInputStream(header), "FileHeader");
            return write(fs);
        }
    }

    private static byte[] withSection(byte[] hwp, byte[] section) throws Exception {
        try (var fs = new POIFSFileSystem(new ByteArrayInputStream(hwp))) {
            var body = (DirectoryEntry) fs.getRoot().getEntry("BodyText");
            body.getEntry("Section0").delete();
            body.createDocument("Section0", new ByteArrayInputStream(section));
            return write(fs);
        }
    }

    private static byte[] write(POIFSFileSystem fs) throws Exception {
        var out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        return out.toByteArray();
    }
}
