package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.PdfGlyphs.Glyph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Groups a page's glyphs into lines (one baseline) and a line into segments: runs of text with no gap wider
 * than {@link #CELL_GAP} ems. A line of body text is one segment; a table row, or two columns side by side,
 * are several.
 */
final class PdfLines {

    /** Wider than the widest word space of justified text, narrower than a table's cell padding or a gutter. */
    private static final float CELL_GAP = 1.5f;
    /** Narrower than any space (a quarter em in most fonts), wider than kerning. */
    private static final float WORD_GAP = 0.15f;
    /** Superscripts and glyphs of a slightly different font sit a little off the baseline. */
    private static final float SAME_BASELINE = 0.3f;

    /** Punctuation no line may begin with. */
    private static final String CLOSING = ",.!?:;)]}%、。，．！？：；）」』〉》】”’";

    /** A bullet or item number: Word sets one apart from its text with a tab. */
    private static final Pattern MARKER = Pattern.compile("[-–*+•·∙◦▪▫●○ㆍ➢➤✓✔■□]|\\(?\\d{1,2}[.)]|[a-z][.)]");

    /** Text between two gaps on one baseline. */
    record Segment(List<Glyph> glyphs, String text, float left, float right, float size, boolean bold) {

        /** The width of the segment's first word: what did not fit at the end of the line above. */
        float firstWordWidth() {
            float end = glyphs.getFirst().right();
            for (int i = 1; i < glyphs.size() && !isWordGap(glyphs.get(i - 1), glyphs.get(i)); i++) {
                end = glyphs.get(i).right();
            }
            return end - left;
        }

        /**
         * The width of what had to move to the next line together when a line broke before this segment: its
         * first character and the punctuation that may not begin a line after it ("치," moves as one).
         */
        float firstUnitWidth() {
            float end = glyphs.getFirst().right();
            for (int i = 1; i < glyphs.size(); i++) {
                Glyph glyph = glyphs.get(i);
                if (isWordGap(glyphs.get(i - 1), glyph)
                        || CLOSING.indexOf(glyph.text().charAt(0)) < 0) {
                    break;
                }
                end = glyph.right();
            }
            return end - left;
        }
    }

    /** One baseline's segments, left to right. */
    record Line(int page, float baseline, List<Segment> segments) {

        float left() {
            return segments.getFirst().left();
        }

        float right() {
            return segments.getLast().right();
        }

        float size() {
            return segments.stream().map(Segment::size).max(Float::compare).orElse(0f);
        }

        String text() {
            return String.join(" ", segments.stream().map(Segment::text).toList());
        }

        Line with(List<Segment> parts) {
            return new Line(page, baseline, parts);
        }
    }

    private PdfLines() {}

    /** The lines of one page, top to bottom. */
    static List<Line> of(int page, List<Glyph> glyphs) {
        var sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::baseline));
        var lines = new ArrayList<Line>();
        var row = new ArrayList<Glyph>();
        for (Glyph glyph : sorted) {
            if (!row.isEmpty()
                    && glyph.baseline() - row.getFirst().baseline()
                            > SAME_BASELINE
                                    * Math.min(glyph.size(), row.getFirst().size())) {
                lines.add(line(page, row));
                row.clear();
            }
            row.add(glyph);
        }
        if (!row.isEmpty()) {
            lines.add(line(page, row));
        }
        return lines;
    }

    private static Line line(int page, List<Glyph> row) {
        var glyphs = new ArrayList<>(row);
        glyphs.sort(Comparator.comparingDouble(Glyph::left));
        var segments = new ArrayList<Segment>();
        var run = new ArrayList<Glyph>();
        Glyph last = null;
        for (Glyph glyph : glyphs) {
            if (last != null && isDuplicate(last, glyph)) {
                continue; // drawn twice, a little offset, to look bold
            }
            if (last != null && glyph.left() - last.right() > CELL_GAP * Math.min(glyph.size(), last.size())) {
                segments.add(segment(run));
                run = new ArrayList<>();
            }
            run.add(glyph);
            last = glyph;
        }
        segments.add(segment(run));
        if (segments.size() > 1 && MARKER.matcher(segments.getFirst().text()).matches()) {
            // The marker belongs to its item: it is not a table cell.
            var item = new ArrayList<>(segments.removeFirst().glyphs());
            item.addAll(segments.removeFirst().glyphs());
            segments.addFirst(segment(item));
        }
        return new Line(page, row.getFirst().baseline(), segments);
    }

    private static Segment segment(List<Glyph> glyphs) {
        var text = new StringBuilder();
        var sizes = new HashMap<Float, Integer>();
        int bold = 0;
        for (int i = 0; i < glyphs.size(); i++) {
            Glyph glyph = glyphs.get(i);
            if (i > 0 && isWordGap(glyphs.get(i - 1), glyph)) {
                text.append(' ');
            }
            text.append(softHyphen(
                    i > 0 ? glyphs.get(i - 1) : null, glyph, i + 1 < glyphs.size() ? glyphs.get(i + 1) : null));
            sizes.merge(Math.round(glyph.size() * 2) / 2f, glyph.text().length(), Integer::sum);
            bold += glyph.bold() ? 1 : 0;
        }
        float size = sizes.entrySet().stream()
                .max(java.util.Map.Entry.<Float, Integer>comparingByValue()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
        return new Segment(
                List.copyOf(glyphs),
                text.toString(),
                glyphs.getFirst().left(),
                glyphs.getLast().right(),
                size,
                bold * 10 >= glyphs.size() * 9);
    }

    /**
     * A soft hyphen is invisible inside a line and drawn as "‐" where the line breaks at it; a font that maps
     * its en dash glyph back to U+00AD (NanumGothic) draws one that takes room inside a line: that one is "–".
     * So is one that ends a line after a digit, as in "2022–" / "2023" (hyphenation never splits a number, but
     * a browser breaks a line after a dash), and one set apart from the word before it ("Architect –" /
     * "Professional"; a narrow table cell's "2020.01" / "–" / "present"): a hyphenation hyphen ends its word.
     */
    private static String softHyphen(Glyph previous, Glyph glyph, Glyph next) {
        if (!glyph.text().equals("\u00AD")) {
            return glyph.text();
        }
        if (next == null) {
            boolean apart = previous == null || isWordGap(previous, glyph);
            return apart || Character.isDigit(previous.text().charAt(0)) ? "–" : "\u2010";
        }
        return next.left() - glyph.left() > 0.1f * glyph.size() ? "–" : "";
    }

    private static boolean isDuplicate(Glyph a, Glyph b) {
        return a.text().equals(b.text()) && Math.abs(a.left() - b.left()) < 0.1f * a.size();
    }

    static boolean isWordGap(Glyph a, Glyph b) {
        return b.left() - a.right() > WORD_GAP * Math.min(a.size(), b.size());
    }
}
