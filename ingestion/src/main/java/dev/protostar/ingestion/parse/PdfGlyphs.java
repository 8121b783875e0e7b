package dev.protostar.ingestion.parse;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Every visible character of a PDF with where it is drawn and in what font: what {@link PdfLines} builds lines
 * from. Spaces are not kept — PDF producers draw them inconsistently (Chromium draws a glyph that NanumGothic
 * maps to a control code, others draw nothing and move the pen) — so words are told apart by the gaps between
 * glyphs instead. Bullets a page draws as shapes are among them as "•" ({@link PdfBullets}).
 */
final class PdfGlyphs extends PDFTextStripper {

    /** One drawn character. Coordinates are PDF points, y growing downwards, {@code size} is the drawn em. */
    record Glyph(String text, float left, float right, float baseline, float size, boolean bold) {}

    /** A page's glyphs in drawing order, and its height. */
    record Page(int number, float height, List<Glyph> glyphs) {}

    /** Stops the stripper from inside its callbacks; {@link PdfLayoutReader} turns it back into a refusal. */
    static final class Stop extends RuntimeException {
        final boolean overLimit;

        Stop(boolean overLimit) {
            super(overLimit ? "over the character limit" : "interrupted", null, false, false);
            this.overLimit = overLimit;
        }
    }

    private static final Pattern BOLD_NAME = Pattern.compile(".*(bold|black|heavy|semibold|demi|extrab).*");

    private final int maxCharacters;
    private final List<Page> pages = new ArrayList<>();
    private List<Glyph> current;
    private float height;
    private long characters;

    private PdfGlyphs(int maxCharacters) throws IOException {
        this.maxCharacters = maxCharacters;
    }

    static List<Page> read(PDDocument document, int maxCharacters) throws IOException {
        var glyphs = new PdfGlyphs(maxCharacters);
        glyphs.writeText(document, Writer.nullWriter());
        for (Page page : glyphs.pages) {
            page.glyphs().addAll(PdfBullets.of(document.getPage(page.number() - 1)));
        }
        return glyphs.pages;
    }

    @Override
    protected void startPage(PDPage page) {
        current = new ArrayList<>();
        height = page.getCropBox().getHeight();
    }

    @Override
    protected void endPage(PDPage page) {
        pages.add(new Page(getCurrentPageNo(), height, current));
    }

    /** Replaces the stripper's own bookkeeping: its output is not used, only the positions. */
    @Override
    protected void processTextPosition(TextPosition text) {
        if (Thread.currentThread().isInterrupted()) {
            throw new Stop(false);
        }
        String unicode = text.getUnicode();
        if (unicode == null || unicode.isEmpty() || unicode.chars().allMatch(c -> Text.isSpace((char) c))) {
            return;
        }
        characters += unicode.length();
        if (characters > maxCharacters) {
            throw new Stop(true);
        }
        float size = Math.abs(text.getTextMatrix().getScalingFactorY());
        if (size <= 0) {
            size = text.getFontSizeInPt();
        }
        float left = text.getXDirAdj();
        current.add(new Glyph(
                unicode, left, left + text.getWidthDirAdj(), text.getYDirAdj(), size, isBold(text.getFont())));
    }

    private static boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        var descriptor = font.getFontDescriptor();
        if (descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600)) {
            return true;
        }
        String name = font.getName();
        return name != null && BOLD_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }
}
