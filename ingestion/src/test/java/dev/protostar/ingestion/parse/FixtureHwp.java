package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.FixtureFiles.Line;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import kr.dogfoot.hwplib.object.HWPFile;
import kr.dogfoot.hwplib.object.bodytext.Section;
import kr.dogfoot.hwplib.object.bodytext.control.ControlTable;
import kr.dogfoot.hwplib.object.bodytext.control.ControlType;
import kr.dogfoot.hwplib.object.bodytext.control.table.Cell;
import kr.dogfoot.hwplib.object.bodytext.paragraph.Paragraph;
import kr.dogfoot.hwplib.object.bodytext.paragraph.ParagraphList;
import kr.dogfoot.hwplib.tool.blankfilemaker.BlankFileMaker;
import kr.dogfoot.hwplib.writer.HWPWriter;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * HWP 5 fixtures written with hwplib: one paragraph per line, section names as plain lines (as many Korean
 * resumes have them), rows as a real HWP table.
 *
 * <p>The "encrypted" one carries the password flag in its FileHeader, which is what Hangul and every reader
 * look at first. hwplib can neither encrypt the streams nor even write the flag, so the flag is patched in
 * afterwards and the body stays readable to anyone who ignores it: enough to prove that we refuse it.
 */
class FixtureHwp {

    static byte[] of(List<Line> lines, boolean passwordFlag) throws Exception {
        HWPFile hwp = BlankFileMaker.make();
        Section section = hwp.getBodyText().getSectionList().get(0);
        Paragraph first = section.getParagraph(0);
        var rows = new ArrayList<String[]>();
        for (Line line : lines) {
            if (line.kind() != Line.Kind.ROW && !rows.isEmpty()) {
                table(paragraph(section, first, null), rows);
                rows.clear();
            }
            switch (line.kind()) {
                case ITEM -> paragraph(section, first, "- " + line.text());
                case ROW -> rows.add(line.text().split(" \\| "));
                case PAGE_BREAK -> {}
                default -> paragraph(section, first, line.text());
            }
        }
        if (!rows.isEmpty()) {
            table(paragraph(section, first, null), rows);
        }
        for (Paragraph p : section.getParagraphs()) {
            p.getHeader().setLastInList(p == section.getLastParagraph());
        }
        var bytes = new ByteArrayOutputStream();
        HWPWriter.toStream(hwp, bytes);
        return passwordFlag ? withPasswordFlag(bytes.toByteArray()) : bytes.toByteArray();
    }

    /**
     * hwplib refuses to write a file flagged as password-protected, so the flag is set afterwards: bit 1 of the
     * properties word at offset 36 of the FileHeader stream (HWP 5.0 format, 3.2.1).
     */
    private static byte[] withPasswordFlag(byte[] hwp) throws Exception {
        try (var fs = new POIFSFileSystem(new ByteArrayInputStream(hwp))) {
            byte[] header;
            try (var in = fs.createDocumentInputStream("FileHeader")) {
                header = in.readAllBytes();
            }
            header[36] |= 0x02;
            fs.getRoot().getEntry("FileHeader").delete();
            fs.createDocument(new ByteArrayInputStream(header), "FileHeader");
            var bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        }
    }

    /** A paragraph shaped like the blank file's first one (its paragraph, character and line shapes). */
    private static Paragraph paragraph(ParagraphList list, Paragraph like, String text) throws Exception {
        return fill(list.addNewParagraph(), like, text);
    }

    private static Paragraph paragraph(Section section, Paragraph like, String text) throws Exception {
        return fill(section.addNewParagraph(), like, text);
    }

    private static Paragraph fill(Paragraph p, Paragraph like, String text) throws Exception {
        var header = p.getHeader();
        header.setParaShapeId(like.getHeader().getParaShapeId());
        header.setStyleId(like.getHeader().getStyleId());
        header.setCharShapeCount(1);
        header.setLineAlignCount(1);
        p.createText();
        if (text != null) {
            p.getText().addString(text);
        }
        p.createCharShape();
        p.getCharShape()
                .addParaCharShape(
                        0,
                        like.getCharShape().getPositonShapeIdPairList().get(0).getShapeId());
        p.createLineSeg();
        var segment = p.getLineSeg().addNewLineSegItem();
        segment.setLineHeight(1000);
        segment.setTextPartHeight(1000);
        segment.setDistanceBaseLineToLineVerticalPosition(850);
        segment.setLineSpace(600);
        segment.setSegmentWidth(42520);
        segment.getTag().setFirstSegmentAtLine(true);
        segment.getTag().setLastSegmentAtLine(true);
        return p;
    }

    private static void table(Paragraph holder, List<String[]> rows) throws Exception {
        holder.getText().addExtendCharForTable();
        var table = (ControlTable) holder.addNewControl(ControlType.Table);
        var header = table.getHeader();
        header.setWidth(42520);
        header.setHeight(1500L * rows.size());
        int columns = rows.get(0).length;
        var record = table.getTable();
        record.setRowCount(rows.size());
        record.setColumnCount(columns);
        record.setBorderFillId(1);
        for (int r = 0; r < rows.size(); r++) {
            record.getCellCountOfRowList().add(columns);
            var row = table.addNewRow();
            for (int c = 0; c < columns; c++) {
                Cell cell = row.addNewCell();
                var cellHeader = cell.getListHeader();
                cellHeader.setParaCount(1);
                cellHeader.setColIndex(c);
                cellHeader.setRowIndex(r);
                cellHeader.setColSpan(1);
                cellHeader.setRowSpan(1);
                cellHeader.setWidth(42520 / columns);
                cellHeader.setHeight(1500);
                cellHeader.setTextWidth(42520 / columns);
                cellHeader.setBorderFillId(1);
                cellHeader.setFieldName("");
                Paragraph p = paragraph(cell.getParagraphList(), holder, rows.get(r)[c]);
                p.getHeader().setLastInList(true);
            }
        }
    }
}
