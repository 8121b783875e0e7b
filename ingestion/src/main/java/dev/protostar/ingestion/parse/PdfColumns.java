package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.PdfLines.Line;
import dev.protostar.ingestion.parse.PdfLines.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a page's lines in reading order: top to bottom, except where the page is set in two columns, which are
 * read one after the other. A two-column stretch is a run of consecutive lines that leave a vertical strip in
 * the middle of the page empty, with text on both sides.
 *
 * <p>Tables look the same from afar — text on both sides of an empty strip — and must not be read column by
 * column, so a stretch counts as two columns only when it reads like text: each side has at least
 * {@link #MIN_LINES} lines, a line holds one piece of text per side (a table row holds several cells), the strip
 * is a gutter (at most {@link #MAX_GUTTER} ems), and the left side's lines run up to it, as wrapped lines do.
 */
final class PdfColumns {

    /** Which column a line was read in: {@code FULL} when the page is not split where the line is. */
    enum Column {
        FULL,
        LEFT,
        RIGHT
    }

    record Placed(Line line, Column column) {}

    private static final int MIN_LINES = 3;
    private static final float MIN_GUTTER = 1f;
    private static final float MAX_GUTTER = 5f;
    /** Where a gutter may be, as a share of the text's width: columns are rarely narrower than a third. */
    private static final float MIDDLE_FROM = 0.3f;

    private PdfColumns() {}

    static List<Placed> order(List<Line> lines, float em) {
        var placed = new ArrayList<Placed>();
        if (lines.isEmpty()) {
            return placed;
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
                if (narrower[1] - narrower[0] < MIN_GUTTER * em) {
                    break;
                }
                strip = narrower;
            }
            if (j == i) {
                placed.add(new Placed(lines.get(i++), Column.FULL));
                continue;
            }
            place(lines.subList(i, j), strip, em, placed);
            i = j;
        }
        return placed;
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

    private static void place(List<Line> run, float[] strip, float em, List<Placed> placed) {
        var lefts = new ArrayList<Line>();
        var rights = new ArrayList<Line>();
        int crowded = 0;
        for (Line line : run) {
            var l = line.segments().stream().filter(s -> s.right() <= strip[0]).toList();
            var r = line.segments().stream().filter(s -> s.left() >= strip[1]).toList();
            if (!l.isEmpty()) {
                lefts.add(line.with(l));
            }
            if (!r.isEmpty()) {
                rights.add(line.with(r));
            }
            crowded += l.size() > 1 || r.size() > 1 ? 1 : 0;
        }
        if (isTwoColumns(run.size(), lefts, rights, crowded, em)) {
            lefts.forEach(line -> placed.add(new Placed(line, Column.LEFT)));
            rights.forEach(line -> placed.add(new Placed(line, Column.RIGHT)));
        } else {
            run.forEach(line -> placed.add(new Placed(line, Column.FULL)));
        }
    }

    private static boolean isTwoColumns(int lines, List<Line> lefts, List<Line> rights, int crowded, float em) {
        if (lefts.size() < MIN_LINES || rights.size() < MIN_LINES || crowded * 5 > lines) {
            return false;
        }
        float leftEdge = (float) lefts.stream().mapToDouble(Line::right).max().orElse(0);
        float rightStart = (float) rights.stream().mapToDouble(Line::left).min().orElse(0);
        long full =
                lefts.stream().filter(line -> line.right() >= leftEdge - 4 * em).count();
        return rightStart - leftEdge <= MAX_GUTTER * em && full * 10 >= lefts.size() * 3;
    }
}
