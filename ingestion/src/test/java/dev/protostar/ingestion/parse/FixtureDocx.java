package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.FixtureFiles.Line;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** DOCX fixtures: real heading styles, bulleted list paragraphs with numbering, tables; and a zip bomb. */
class FixtureDocx {

    static byte[] of(List<Line> lines, String title) throws IOException {
        try (var doc = new XWPFDocument()) {
            style(doc, "Title", "Title");
            style(doc, "Heading1", "heading 1");
            style(doc, "Heading2", "heading 2");
            style(doc, "ListBullet", "List Bullet");
            BigInteger bullets = bullets(doc);
            XWPFTable table = null;
            for (Line line : lines) {
                if (line.kind() != Line.Kind.ROW) {
                    table = null;
                }
                switch (line.kind()) {
                    case TITLE -> paragraph(doc, "Title", line.text());
                    case SECTION -> paragraph(doc, "Heading1", line.text());
                    case ENTRY -> paragraph(doc, "Heading2", line.text());
                    case TEXT -> paragraph(doc, null, line.text());
                    case ITEM -> paragraph(doc, "ListBullet", line.text()).setNumID(bullets);
                    case ROW -> table = row(doc, table, line.text().split(" \\| "));
                    case PAGE_BREAK -> {}
                }
            }
            if (title != null) {
                doc.getProperties().getCoreProperties().setTitle(title);
            }
            var bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            return bytes.toByteArray();
        }
    }

    /**
     * A well-formed DOCX whose document.xml inflates from about 30 KB to 30 MB: far past POI's 100:1 limit, and
     * it could be made a thousand times larger without growing much on disk.
     */
    static byte[] bomb() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", CONTENT_TYPES);
            entry(zip, "_rels/.rels", RELS);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(DOCUMENT_START.getBytes(StandardCharsets.UTF_8));
            byte[] paragraph =
                    ("<w:p><w:r><w:t>" + "A".repeat(4000) + "</w:t></w:r></w:p>").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 7_500; i++) {
                zip.write(paragraph);
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void style(XWPFDocument doc, String id, String name) {
        var style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        var styles = doc.getStyles() != null ? doc.getStyles() : doc.createStyles();
        styles.addStyle(new XWPFStyle(style));
    }

    private static BigInteger bullets(XWPFDocument doc) {
        var abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.ZERO);
        var level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewNumFmt().setVal(STNumberFormat.BULLET);
        level.addNewLvlText().setVal("•");
        var numbering = doc.createNumbering();
        return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum)));
    }

    private static org.apache.poi.xwpf.usermodel.XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
        var paragraph = doc.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        paragraph.createRun().setText(text);
        return paragraph;
    }

    private static XWPFTable row(XWPFDocument doc, XWPFTable table, String[] cells) {
        if (table == null) {
            table = doc.createTable(1, cells.length);
            fill(table.getRow(0), cells);
        } else {
            fill(table.createRow(), cells);
        }
        return table;
    }

    private static void fill(org.apache.poi.xwpf.usermodel.XWPFTableRow row, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            row.getCell(i).setText(cells[i]);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static final String CONTENT_TYPES =
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
              <Default Extension="xml" ContentType="application/xml"/>
              <Override PartName="/word/document.xml"
                ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            </Types>
            """;

    private static final String RELS =
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId1" Target="word/document.xml"
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
            </Relationships>
            """;

    private static final String DOCUMENT_START =
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""";
}
