package dev.protostar.ingestion.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The table {@link XhtmlBlocks} is in, read row by row into the lines {@link TableRows} writes: a first row of
 * {@code th} cells gives the labels. Inside a cell, paragraphs, list items and line breaks separate the cell's
 * lines, and a table nested in a cell is just more of its lines.
 */
final class XhtmlTable {

    private static final Set<String> LINE_BREAKS = Set.of("p", "div", "li", "br", "tr", "dd", "dt", "pre");

    private List<String> labels = List.of();
    private int rows;
    private List<List<String>> row;
    private boolean header;
    private StringBuilder cell;
    private int nested;

    boolean inCell() {
        return cell != null;
    }

    void startRow() {
        row = new ArrayList<>();
        header = true;
    }

    void startCell(boolean th) {
        if (row == null) {
            startRow();
        }
        cell = new StringBuilder();
        header &= th;
    }

    void startInCell(String name) {
        if (name.equals("table")) {
            nested++;
        } else if (LINE_BREAKS.contains(name)) {
            cell.append('\n');
        } else if (name.equals("td") || name.equals("th")) {
            cell.append(' ');
        }
    }

    void endInCell(String name) {
        if (nested > 0 || !(name.equals("td") || name.equals("th"))) {
            nested -= name.equals("table") ? 1 : 0;
            if (LINE_BREAKS.contains(name)) {
                cell.append('\n');
            }
            return;
        }
        row.add(Arrays.stream(cell.toString().split("\n"))
                .map(Text::collapse)
                .filter(line -> !line.isEmpty())
                .toList());
        cell = null;
    }

    void text(char[] ch, int start, int length) {
        cell.append(ch, start, length);
    }

    void space() {
        cell.append(' ');
    }

    /** The lines of the row that ended; none for the header row, whose cells become the labels. */
    List<String> endRow() {
        if (row == null) {
            return List.of();
        }
        List<List<String>> cells = row;
        row = null;
        if (rows++ == 0 && header && cells.size() > 1) {
            labels = cells.stream().map(lines -> String.join(" ", lines)).toList();
            return List.of();
        }
        return TableRows.lines(labels, cells);
    }

    /** A table that is only its header row still says something. */
    List<String> end() {
        return rows == 1 && !labels.isEmpty() ? List.of(String.join(" | ", labels)) : List.of();
    }
}
