package dev.protostar.ingestion.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a table row as lines that each stand on their own, because a chunk may hold any one of them: the header
 * row's labels go in front of the cells they head ("기간: 2021.03 – 현재"), and every line of the row repeats
 * the row's first cell — usually the company — so that a line of achievements still says where they were.
 *
 * <p>The row's one-line cells make its first line; a cell of several lines (a list of achievements) gives one
 * line each. A table without a header row and without such cells reads as it always did: "a | b | c".
 */
final class TableRows {

    private TableRows() {}

    /**
     * @param labels the header row's cells, or empty when the table has none
     * @param cells the row's cells, each as its lines (collapsed, none blank; a cell may have none)
     */
    static List<String> lines(List<String> labels, List<List<String>> cells) {
        var out = new ArrayList<String>();
        if (cells.isEmpty()) {
            return out;
        }
        String key = labelled(labels, 0, String.join(" ", cells.getFirst()));
        var first = new ArrayList<String>();
        if (!cells.getFirst().isEmpty()) {
            first.add(key);
        }
        for (int i = 1; i < cells.size(); i++) {
            if (cells.get(i).size() == 1) {
                first.add(labelled(labels, i, cells.get(i).getFirst()));
            }
        }
        if (!first.isEmpty()) {
            out.add(String.join(" | ", first));
        }
        for (int i = 1; i < cells.size(); i++) {
            if (cells.get(i).size() > 1) {
                for (String line : cells.get(i)) {
                    String labelled = labelled(labels, i, line);
                    out.add(cells.getFirst().isEmpty() ? labelled : key + " | " + labelled);
                }
            }
        }
        return out;
    }

    private static String labelled(List<String> labels, int column, String text) {
        String label = column < labels.size() ? labels.get(column) : "";
        return label.isEmpty() || label.equals(text) ? text : label + ": " + text;
    }
}
