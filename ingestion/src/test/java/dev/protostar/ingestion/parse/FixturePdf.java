package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.FixtureFiles.Line;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * PDF fixtures, laid out the way resumes are: bold section lines with a marker ({@code ■ 경력}) or in capitals
 * ({@code EXPERIENCE}), bulleted achievements, tables as aligned columns. No heading markup: that is the point.
 */
class FixturePdf {

    private static final File NANUM = new File("/usr/share/fonts/truetype/nanum/NanumGothic.ttf");
    private static final File NANUM_BOLD = new File("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf");
    private static final float MARGIN = 56;

    static byte[] korean(List<Line> lines) throws IOException {
        try (var doc = new PDDocument()) {
            var fonts = new Fonts(PDType0Font.load(doc, NANUM), PDType0Font.load(doc, NANUM_BOLD));
            render(doc, fonts, lines, "■ %s"::formatted);
            return save(doc);
        }
    }

    static byte[] english(List<Line> lines, String title) throws IOException {
        try (var doc = new PDDocument()) {
            render(doc, Fonts.helvetica(), lines, section -> section.toUpperCase(Locale.ROOT));
            doc.getDocumentInformation().setTitle(title);
            return save(doc);
        }
    }

    /** A user password: nobody reads it without "open-sesame". */
    static byte[] encrypted(List<Line> lines) throws IOException {
        try (var doc = new PDDocument()) {
            render(doc, Fonts.helvetica(), lines, section -> section.toUpperCase(Locale.ROOT));
            var policy = new StandardProtectionPolicy("owner-secret", "open-sesame", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        }
    }

    /** A page that is only a picture of text, as a scanner makes it. */
    static byte[] scanned() throws IOException {
        var image = new BufferedImage(480, 120, BufferedImage.TYPE_BYTE_BINARY);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString("Mira Castellan", 20, 50);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        g.drawString("Backend Engineer, 7 years", 20, 90);
        g.dispose();
        try (var doc = new PDDocument()) {
            var page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            var picture = LosslessFactory.createFromImage(doc, image);
            try (var content = new PDPageContentStream(doc, page)) {
                content.drawImage(picture, MARGIN, 600, 480, 120);
            }
            return save(doc);
        }
    }

    static byte[] png() throws IOException {
        var image = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x2b6cb0));
        g.fillOval(2, 2, 20, 20);
        g.dispose();
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private record Fonts(PDFont regular, PDFont bold) {
        static Fonts helvetica() {
            return new Fonts(
                    new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                    new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
        }
    }

    private static void render(
            PDDocument doc, Fonts fonts, List<Line> lines, java.util.function.UnaryOperator<String> sectionStyle)
            throws IOException {
        var writer = new Writer(doc);
        for (Line line : lines) {
            switch (line.kind()) {
                case TITLE -> writer.write(fonts.bold(), 18, 0, 0, line.text());
                case SECTION -> writer.write(fonts.bold(), 13, 18, 0, sectionStyle.apply(line.text()));
                case ENTRY -> writer.write(fonts.bold(), 11, 10, 0, line.text());
                case TEXT -> writer.write(fonts.regular(), 10, 4, 0, line.text());
                case ITEM -> writer.write(fonts.regular(), 10, 2, 12, "• " + line.text());
                case ROW -> writer.row(fonts.regular(), 10, line.text().split(" \\| "));
                case PAGE_BREAK -> writer.newPage();
            }
        }
        writer.close();
    }

    private static byte[] save(PDDocument doc) throws IOException {
        var bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        return bytes.toByteArray();
    }

    /** Writes lines top-down, wrapping long ones, one content stream per page. */
    private static final class Writer {
        private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private final PDDocument doc;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        void newPage() throws IOException {
            close();
            var page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void write(PDFont font, float size, float spaceBefore, float indent, String text) throws IOException {
            y -= spaceBefore;
            for (String line : wrap(font, size, WIDTH - indent, text)) {
                show(font, size, MARGIN + indent, line);
            }
        }

        void row(PDFont font, float size, String[] cells) throws IOException {
            y -= size * 1.5f;
            for (int i = 0; i < cells.length; i++) {
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN + i * 150, y);
                content.showText(cells[i]);
                content.endText();
            }
        }

        private void show(PDFont font, float size, float x, String line) throws IOException {
            y -= size * 1.5f;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(line);
            content.endText();
        }

        private static List<String> wrap(PDFont font, float size, float width, String text) throws IOException {
            var lines = new java.util.ArrayList<String>();
            var current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > width && !current.isEmpty()) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
            }
        }
    }
}
