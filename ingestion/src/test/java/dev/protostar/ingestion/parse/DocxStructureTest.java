package dev.protostar.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.parse.Block.Kind;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** What Word documents built by hand (not by pandoc) do: outline levels, bold header rows, merged cells. */
class DocxStructureTest {

    @Test
    void outline_levels_make_headings_under_the_title() throws Exception {
        var blocks = read(document()).blocks();

        assertThat(blocks)
                .filteredOn(b -> b.kind() == Kind.HEADING)
                .extracting(b -> b.level() + " " + b.text())
                .containsExactly("1 김서연 이력서", "2 경력", "3 한빛페이");
    }

    @Test
    void a_merged_company_cell_and_a_bold_header_row_reach_every_line_of_the_table() throws Exception {
        var blocks = read(document()).blocks();

        assertThat(blocks)
                .filteredOn(b -> b.kind() == Kind.TABLE_ROW)
                .extracting(Block::text)
                .containsExactly(
                        "회사: 한빛페이 | 기간: 2021.03 – 현재 | 성과: 정산 배치 4분",
                        "회사: 한빛페이 | 성과: 결제 승인 초당 12,000건",
                        "회사: 누리소프트 | 기간: 2016.01 – 2021.02 (개발자)");
    }

    private static TikaReader.Result read(byte[] docx) throws UnreadableDocumentException {
        return new DocxReader(10_000, 100).read(docx);
    }

    private static byte[] document() throws Exception {
        try (var doc = new XWPFDocument()) {
            style(doc, "Title", "Title", null);
            style(doc, "Company", "Company line", BigInteger.ONE);
            doc.createParagraph().setStyle("Title");
            doc.getParagraphs().getLast().createRun().setText("김서연 이력서");
            var section = doc.createParagraph();
            section.getCTP().addNewPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
            section.createRun().setText("경력");
            var company = doc.createParagraph();
            company.setStyle("Company");
            company.createRun().setText("한빛페이");
            doc.createParagraph().createRun().setText("결제플랫폼팀 리드 개발자");

            var table = doc.createTable(4, 3);
            String[] header = {"회사", "기간", "성과"};
            for (int i = 0; i < 3; i++) {
                var run = table.getRow(0).getCell(i).getParagraphs().getFirst().createRun();
                run.setBold(true);
                run.setText(header[i]);
            }
            text(table.getRow(1).getCell(0), "한빛페이")
                    .getCTTc()
                    .addNewTcPr()
                    .addNewVMerge()
                    .setVal(STMerge.RESTART);
            text(table.getRow(1).getCell(1), "2021.03 – 현재");
            text(table.getRow(1).getCell(2), "정산 배치 4분");
            table.getRow(2).getCell(0).getCTTc().addNewTcPr().addNewVMerge();
            text(table.getRow(2).getCell(2), "결제 승인 초당 12,000건");
            text(table.getRow(3).getCell(0), "누리소프트");
            text(table.getRow(3).getCell(1), "2016.01 – 2021.02 (개발자)")
                    .getCTTc()
                    .addNewTcPr()
                    .addNewGridSpan()
                    .setVal(BigInteger.TWO);
            table.getRow(3).removeCell(2);

            var bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            return bytes.toByteArray();
        }
    }

    private static XWPFTableCell text(XWPFTableCell cell, String text) {
        cell.setText(text);
        return cell;
    }

    private static void style(XWPFDocument doc, String id, String name, BigInteger outline) {
        var style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        if (outline != null) {
            style.addNewPPr().addNewOutlineLvl().setVal(outline);
        }
        var styles = doc.getStyles() != null ? doc.getStyles() : doc.createStyles();
        styles.addStyle(new XWPFStyle(style));
    }
}
