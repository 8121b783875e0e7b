package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.PdfColumns.Placed;
import dev.protostar.ingestion.parse.PdfLines.Line;
import dev.protostar.ingestion.parse.PdfLines.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a PDF's tables, so that they are read row by row ({@link PdfTableRows}) and not line by line. A PDF has
 * no table, only text set in cells: a row whose cells wrap takes several lines, and the lines after its first
 * hold only the cells that still have text ("Kiezbank | 2.3M" / "(Android) | customers"); read line by line,
 * every cell is split and the row torn apart — the more, the narrower the column the table is set in.
 *
 * <p>A table starts at a line of several pieces (its cells) and goes on over the lines just below whose every
 * piece sits in one of its cell columns and is set at its size: text after a table starts left of its first
 * cell's padding, or is wider than a cell, or is a heading set larger.
 */
final class PdfTables {

    /** A row's lines are at most this far apart, in ems: a line's height and a row's padding. */
    private static final float ROW_PITCH = 2.6f;

    /** Lines in reading order: a table's, or one line that is not in a table. */
    record Piece(List<Placed> lines, boolean table) {}

    private PdfTables() {}

    static List<Piece> pieces(List<Placed> lines) {
        var pieces = new ArrayList<Piece>();
        int i = 0;
        while (i < lines.size()) {
            int end = end(lines, i);
            if (end > i + 1 || lines.get(i).line().segments().size() > 1) {
                pieces.add(new Piece(lines.subList(i, end), true));
                i = end;
            } else {
                pieces.add(new Piece(List.of(lines.get(i++)), false));
            }
        }
        return pieces;
    }

    /** Where the table that starts at line {@code from} ends; {@code from + 1} when no table starts there. */
    private static int end(List<Placed> lines, int from) {
        Line first = lines.get(from).line();
        if (first.segments().size() < 2) {
            return from + 1;
        }
        var columns = new ArrayList<Float>();
        addColumns(columns, first);
        int end = from + 1;
        int rows = 1;
        while (end < lines.size() && continues(lines.get(end - 1), lines.get(end), columns, first.size())) {
            Line line = lines.get(end).line();
            if (line.segments().size() > 1) {
                rows++;
                addColumns(columns, line);
            }
            end++;
        }
        // A table has two lines of cells at least: one alone is a title and a date, and what follows is text.
        return rows > 1 ? end : from + 1;
    }

    private static boolean continues(Placed above, Placed below, List<Float> columns, float size) {
        Line a = above.line();
        Line b = below.line();
        float gap = baseline(b) - baseline(a);
        if (a.page() != b.page() || above.column() != below.column() || gap <= 0 || gap > ROW_PITCH * size) {
            return false;
        }
        if (Math.abs(b.size() - size) > size * 0.1f) {
            return false;
        }
        if (b.segments().size() > 1) {
            return b.segments().stream().allMatch(s -> column(columns, s) >= 0);
        }
        Segment cell = b.segments().getFirst();
        int c = column(columns, cell);
        return c >= 0 && (c + 1 == columns.size() || cell.right() < columns.get(c + 1));
    }

    /** The cell column the segment starts in, or -1 when it starts left of the first (text after the table). */
    static int column(List<Float> columns, Segment segment) {
        float slack = segment.size() / 2;
        for (int c = columns.size() - 1; c >= 0; c--) {
            if (segment.left() >= columns.get(c) - slack) {
                return c;
            }
        }
        return -1;
    }

    /** Where the table's cell columns start: its first line's cells, and cells that share a column there. */
    static List<Float> columns(List<Placed> table) {
        var columns = new ArrayList<Float>();
        for (Placed placed : table) {
            if (placed.line().segments().size() > 1) {
                addColumns(columns, placed.line());
            }
        }
        return columns;
    }

    /**
     * Adds where the line's cells start to the columns known, where two of its cells would otherwise share one
     * (the header row left a cell empty); a cell set further in than its header (a list's indent) shares it.
     */
    private static void addColumns(List<Float> columns, Line line) {
        int last = -1;
        for (Segment segment : line.segments()) {
            int c = column(columns, segment);
            if (c < 0 || c == last) {
                columns.add(segment.left());
                columns.sort(Float::compare);
                c = column(columns, segment);
            }
            last = c;
        }
    }

    /**
     * Where the line's own glyphs sit: a line of one column was cut from a line of the page, whose baseline is
     * the other column's when the two were a little apart.
     */
    static float baseline(Line line) {
        return line.segments().getFirst().glyphs().getFirst().baseline();
    }
}
