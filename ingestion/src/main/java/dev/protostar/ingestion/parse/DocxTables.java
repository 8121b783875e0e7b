package dev.protostar.ingestion.parse;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word table as the lines {@link TableRows} writes. Cells are placed on the table's grid, so that a cell
 * spanning two columns does not shift the labels of the cells after it, and a cell merged with the one above
 * it (a company spanning the rows of its projects) takes that cell's text.
 */
final class DocxTables {

    private DocxTables() {}

    static List<String> lines(XWPFTable table) {
        List<XWPFTableRow> rows = table.getRows();
        var out = new ArrayList<String>();
        List<String> labels = List.of();
        List<List<String>> above = List.of();
        for (int r = 0; r < rows.size(); r++) {
            List<List<String>> cells = cells(rows.get(r), above);
            if (r == 0 && rows.size() > 1 && isHeader(rows.get(r))) {
                labels = cells.stream().map(lines -> String.join(" ", lines)).toList();
            } else {
                out.addAll(TableRows.lines(labels, cells));
            }
            above = cells;
        }
        return out;
    }

    /** The row's cells by grid column; the columns a wide cell spans after its first are left empty. */
    private static List<List<String>> cells(XWPFTableRow row, List<List<String>> above) {
        var cells = new ArrayList<List<String>>();
        for (XWPFTableCell cell : row.getTableCells()) {
            var properties = cell.getCTTc().getTcPr();
            int column = cells.size();
            boolean merged = properties != null
                    && properties.getVMerge() != null
                    && properties.getVMerge().getVal() != STMerge.RESTART;
            cells.add(merged && column < above.size() ? above.get(column) : lines(cell));
            int span = properties != null && properties.getGridSpan() != null
                    ? properties.getGridSpan().getVal().intValue()
                    : 1;
            for (int i = 1; i < span; i++) {
                cells.add(List.of());
            }
        }
        return cells;
    }

    private static List<String> lines(XWPFTableCell cell) {
        var lines = new ArrayList<String>();
        for (IBodyElement element : cell.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                String text = Text.collapse(paragraph.getText());
                if (!text.isEmpty()) {
                    lines.add(text);
                }
            } else if (element instanceof XWPFTable nested) {
                lines.addAll(lines(nested));
            }
        }
        return lines;
    }

    /** Marked to repeat on every page, as header rows are, or set wholly in bold. */
    private static boolean isHeader(XWPFTableRow row) {
        if (row.isRepeatHeader()) {
            return true;
        }
        var runs = row.getTableCells().stream()
                .flatMap(cell -> cell.getParagraphs().stream())
                .flatMap(paragraph -> paragraph.getRuns().stream())
                .filter(run -> !Text.collapse(String.valueOf(run.text())).isEmpty())
                .toList();
        return !runs.isEmpty() && runs.stream().allMatch(run -> run.isBold());
    }
}
