package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.PdfLines.Line;
import dev.protostar.ingestion.parse.PdfLines.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a document's lines in reading order: top to bottom, except where a page is set in two columns, which are
 * read one after the other. A two-column stretch is a run of consecutive lines that leave a vertical strip in
 * the middle of the page empty, with text on both sides. The strip must be {@link #MIN_GUTTER} wide where the
 * run starts; further down it may narrow to a hairline, because a table in the left column may overhang into
 * the gutter — what counts is that no line crosses it.
 *
 * <p>Tables look the same from afar — text on both sides of an empty strip — and must not be read column by
 * column, so a stretch counts as two columns only when it reads like text: each side has at least
 * {@link #MIN_LINES} lines, the strip is a gutter (at most {@link #MAX_GUTTER} ems), the left side's lines run up
 * to it, as wrapped lines do, and a side holds several pieces of text on one line (a table row's cells) only
 * where it is a column of text elsewhere: a table that spans the gutter has no such side. A document keeps its
 * layout from page to page, so a short stretch at a gutter that was two columns on another page is two columns
 * too (a last page with a few lines per column), whatever its sides hold.
 */
final class PdfColumns {

    /** Which column a line was read in: {@code FULL} when the page is not split where the line is. */
    enum Column {
        FULL,
        LEFT,
        RIGHT
    }

    record Placed(Line line, Column column) {}

    private record Run(List<Line> lines, float[] strip) {}

    private static final int MIN_LINES = 3;
    private static final float MIN_GUTTER = 1f;
    private static final float MAX_GUTTER = 5f;
    /** Narrower than any gap between two glyphs that belong to different columns. */
    private static final float HAIRLINE = 0.05f;
    /** How far short of its side's edge a line of text may end and still count as running up to it (ems). */
    private static final float NEAR_EDGE = 4f;
    /** How far a list item's text, wrapped, may start right of its column's edge (ems): a bullet and its gap. */
    private static final float INDENT = 4f;
    /** Where a gutter may be, as a share of the text's width: columns are rarely narrower than a third. */
    private static final float MIDDLE_FROM = 0.3f;

    private PdfColumns() {}

    /** One page's lines in reading order. */
    static List<Placed> order(List<Line> lines, float em) {
        return orderPages(List.of(lines), em);
    }

    /** Every page's lines in reading order, page after page. */
    static List<Placed> orderPages(List<List<Line>> pages, float em) {
        var runs = new ArrayList<List<Run>>();
        var gutters = new ArrayList<float[]>();
        for (List<Line> page : pages) {
            var pageRuns = runs(page, em);
            runs.add(pageRuns);
            pageRuns.stream()
                    .filter(run -> run.strip() != null && isTwoColumns(run, em, false))
                    .forEach(run -> gutters.add(run.strip()));
        }
        var placed = new ArrayList<Placed>();
        for (List<Run> page : runs) {
            for (Run run : page) {
                boolean known = gutters.stream().anyMatch(g -> overlaps(g, run.strip()));
                if (run.strip() != null && isTwoColumns(run, em, known)) {
                    split(run).forEach(placed::add);
                } else {
                    run.lines().forEach(line -> placed.add(new Placed(line, Column.FULL)));
                }
            }
        }
        return placed;
    }

    /** The page cut into runs that leave a strip free (with it) and lines that leave none (without). */
    private static List<Run> runs(List<Line> lines, float em) {
        var runs = new ArrayList<Run>();
        if (lines.isEmpty()) {
            return runs;
        }
        float left = (float) lines.stream().mapToDouble(Line::left).min().orElse(0);
        float right = (float) lines.stream().mapToDouble(Line::right).max().orElse(0);
        float from = left + (right - left) * MIDDLE_FROM;
        float to = right - (right - left) * MIDDLE_FROM;
        int i = 0;
        while (i < lines.size()) {
            float[] strip = {from, to};
            int j = i;
            for (; j < lines.size(); j++) {
                float[] narrower = widestFree(strip, lines.get(j));
                if (narrower[1] - narrower[0] < (j == i ? MIN_GUTTER : HAIRLINE) * em) {
                    break;
                }
                strip = narrower;
            }
            if (j == i) {
                runs.add(new Run(List.of(lines.get(i++)), null));
            } else {
                runs.add(new Run(lines.subList(i, j), strip));
                i = j;
            }
        }
        return runs;
    }

    /** The widest part of the strip that the line's segments leave free. */
    private static float[] widestFree(float[] strip, Line line) {
        var free = new ArrayList<float[]>(List.of(strip));
        for (Segment segment : line.segments()) {
            var next = new ArrayList<float[]>();
            for (float[] f : free) {
                if (segment.right() <= f[0] || segment.left() >= f[1]) {
                    next.add(f);
                } else {
                    if (segment.left() > f[0]) {
                        next.add(new float[] {f[0], segment.left()});
                    }
                    if (segment.right() < f[1]) {
                        next.add(new float[] {segment.right(), f[1]});
                    }
                }
            }
            free = next;
        }
        return free.stream()
                .max((a, b) -> Float.compare(a[1] - a[0], b[1] - b[0]))
                .orElse(new float[] {0, 0});
    }

    private static List<Placed> split(Run run) {
        var lefts = new ArrayList<Placed>();
        var rights = new ArrayList<Placed>();
        for (Line line : run.lines()) {
            side(line, run.strip(), true).ifPresent(l -> lefts.add(new Placed(l, Column.LEFT)));
            side(line, run.strip(), false).ifPresent(r -> rights.add(new Placed(r, Column.RIGHT)));
        }
        lefts.addAll(rights);
        return lefts;
    }

    /** What of the line lies on one side of the strip. */
    private static Optional<Line> side(Line line, float[] strip, boolean left) {
        var parts = line.segments().stream()
                .filter(s -> left ? s.right() <= strip[0] : s.left() >= strip[1])
                .toList();
        return parts.isEmpty() ? Optional.empty() : Optional.of(line.with(parts));
    }

    /** @param known whether the strip is where another run of the document was two columns */
    private static boolean isTwoColumns(Run run, float em, boolean known) {
        int minLines = known ? 1 : MIN_LINES;
        var lefts = run.lines().stream()
                .flatMap(line -> side(line, run.strip(), true).stream())
                .toList();
        var rights = run.lines().stream()
                .flatMap(line -> side(line, run.strip(), false).stream())
                .toList();
        if (lefts.size() < minLines || rights.size() < minLines) {
            return false;
        }
        long crowdedLeft =
                lefts.stream().filter(line -> line.segments().size() > 1).count();
        long crowdedRight =
                rights.stream().filter(line -> line.segments().size() > 1).count();
        var leftText = textLines(lefts, em);
        var rightText = textLines(rights, em);
        boolean tablesInText = (crowdedLeft == 0 || leftText.full() >= MIN_LINES)
                && (crowdedRight == 0 || rightText.full() >= MIN_LINES);
        // at a gutter the document has elsewhere, a table on one side is a table in that column
        if (!known
                && !tablesInText
                && (crowdedLeft + crowdedRight) * 5 > run.lines().size()) {
            return false;
        }
        float leftEdge = (float) lefts.stream().mapToDouble(Line::right).max().orElse(0);
        float rightStart = (float) rights.stream().mapToDouble(Line::left).min().orElse(0);
        return known || (rightStart - leftEdge <= MAX_GUTTER * em && leftText.full() * 10 >= leftText.all() * 3);
    }

    /**
     * @param all a side's lines of one piece that start at its left edge or a list item's indent from it (not at a
     *     table cell's further one)
     * @param full how many of them run up to the side's right edge, as wrapped lines do
     */
    private record TextLines(long all, long full) {}

    private static TextLines textLines(List<Line> side, float em) {
        float start = (float) side.stream().mapToDouble(Line::left).min().orElse(0);
        var text = side.stream()
                .filter(line -> line.segments().size() == 1 && line.left() - start <= INDENT * em)
                .toList();
        float edge = (float) text.stream().mapToDouble(Line::right).max().orElse(0);
        return new TextLines(
                text.size(),
                text.stream()
                        .filter(line -> line.right() >= edge - NEAR_EDGE * em)
                        .count());
    }

    private static boolean overlaps(float[] a, float[] b) {
        return b != null && a[0] <= b[1] && b[0] <= a[1];
    }
}
