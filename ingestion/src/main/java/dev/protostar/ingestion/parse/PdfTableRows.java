package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.PdfColumns.Placed;
import dev.protostar.ingestion.parse.PdfLines.Line;
import dev.protostar.ingestion.parse.PdfLines.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table that {@link PdfTables} found row by row. A row ends where the gap to the next line is wider than
 * the table's lines are apart inside a row (a row's padding). A cell's lines are joined where they were wrapped
 * against the furthest its column's text reaches ({@link PdfWraps}); a first row in bold over rows that are not is
 * the header, whose cells label the others. The rows are then written as {@link TableRows} writes a Word table:
 * every line keeps the row's first cell, usually the company.
 */
final class PdfTableRows {

    /** A new row starts where the gap is this much wider than the closest two lines of the table. */
    private static final float NEW_ROW = 1.2f;

    private PdfTableRows() {}

    /** The table's lines as blocks, one per line {@link TableRows} writes. */
    static List<Block> blocks(List<Placed> table, PdfWraps wraps) {
        List<Float> columns = PdfTables.columns(table);
        List<Float> edges = edges(columns, table);
        var rows = new ArrayList<List<List<Placed>>>();
        for (List<Placed> lines : rows(table)) {
            var row = new ArrayList<List<Placed>>();
            columns.forEach(c -> row.add(new ArrayList<>()));
            for (Placed placed : lines) {
                for (Segment segment : placed.line().segments()) {
                    Line cell = placed.line().with(List.of(segment));
                    row.get(Math.max(0, PdfTables.column(columns, segment))).add(new Placed(cell, placed.column()));
                }
            }
            rows.add(row);
        }
        boolean header = rows.size() > 1 && isHeader(rows);
        List<String> labels = List.of();
        int page = table.getFirst().line().page();
        var out = new ArrayList<Block>();
        for (int r = 0; r < rows.size(); r++) {
            var cells = new ArrayList<List<String>>();
            for (int c = 0; c < columns.size(); c++) {
                cells.add(text(rows.get(r).get(c), edges.get(c), wraps));
            }
            if (r == 0 && header) {
                labels = cells.stream().map(lines -> String.join(" ", lines)).toList();
                continue;
            }
            for (String line : TableRows.lines(labels, cells)) {
                out.add(new Block(Block.Kind.TABLE_ROW, 0, line, page));
            }
        }
        return out;
    }

    private static List<List<Placed>> rows(List<Placed> table) {
        float closest = Float.MAX_VALUE;
        for (int i = 1; i < table.size(); i++) {
            closest = Math.min(closest, gap(table, i));
        }
        boolean evenlySpaced = isEvenlySpaced(table, closest);
        var rows = new ArrayList<List<Placed>>();
        for (int i = 0; i < table.size(); i++) {
            if (i == 0 || evenlySpaced || gap(table, i) > closest * NEW_ROW) {
                rows.add(new ArrayList<>());
            }
            rows.getLast().add(table.get(i));
        }
        return rows;
    }

    /** Rows of one line each are as far apart as lines: then every line is a row. */
    private static boolean isEvenlySpaced(List<Placed> table, float closest) {
        for (int i = 1; i < table.size(); i++) {
            if (gap(table, i) > closest * NEW_ROW) {
                return false;
            }
        }
        return true;
    }

    private static float gap(List<Placed> table, int i) {
        return PdfTables.baseline(table.get(i).line())
                - PdfTables.baseline(table.get(i - 1).line());
    }

    /** How far each column's text reaches: a cell's lines were wrapped against it. */
    private static List<Float> edges(List<Float> columns, List<Placed> table) {
        var edges = new ArrayList<>(columns);
        for (Placed placed : table) {
            for (Segment segment : placed.line().segments()) {
                int c = Math.max(0, PdfTables.column(columns, segment));
                edges.set(c, Math.max(edges.get(c), segment.right()));
            }
        }
        return edges;
    }

    /**
     * A cell's lines, wrapped lines joined: what is left is one line per item. A bulleted line starts an item,
     * written without its bullet, as a Word cell's list is — unless its bullet is a dash that continues a wrapped
     * line ("2021.03" / "– 현재").
     */
    private static List<String> text(List<Placed> cell, float edge, PdfWraps wraps) {
        var lines = new ArrayList<String>();
        Placed above = null;
        for (Placed placed : cell) {
            String text = placed.line().text();
            var bullet = LineRoles.BULLET.matcher(text);
            boolean wrapped = above != null && wraps.wrapped(above, placed, edge);
            if (bullet.matches() && !(wrapped && PdfBlocks.DASHES.indexOf(text.charAt(0)) >= 0)) {
                lines.add(bullet.group(1).strip());
            } else if (wrapped) {
                lines.set(lines.size() - 1, wraps.join(lines.getLast(), above, placed, edge));
            } else {
                lines.add(placed.line().text());
            }
            above = placed;
        }
        return lines;
    }

    /** A header row is set in bold over rows that are not. */
    private static boolean isHeader(List<List<List<Placed>>> rows) {
        return isBold(rows.getFirst()) && rows.stream().skip(1).anyMatch(row -> !isBold(row));
    }

    private static boolean isBold(List<List<Placed>> row) {
        return row.stream().flatMap(List::stream).allMatch(p -> p.line().segments().stream()
                .allMatch(Segment::bold));
    }
}
