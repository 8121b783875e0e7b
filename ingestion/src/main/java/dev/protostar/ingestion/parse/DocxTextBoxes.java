package dev.protostar.ingestion.parse;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;

/**
 * The paragraphs of the text boxes anchored in a paragraph: resume templates put a sidebar or the contact
 * details in them. Only the drawing's own copy is read (wps:txbx), not the VML fallback Word writes beside it,
 * which holds the same text again — the same choice Tika makes.
 */
final class DocxTextBoxes {

    private static final String PATH =
            "declare namespace w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' "
                    + "declare namespace wps='http://schemas.microsoft.com/office/word/2010/wordprocessingShape' "
                    + ".//*/wps:txbx/w:txbxContent/w:p";

    private DocxTextBoxes() {}

    static List<String> of(XWPFParagraph paragraph) {
        var texts = new ArrayList<String>();
        for (XmlObject inner : paragraph.getCTP().selectPath(PATH)) {
            try {
                texts.add(new XWPFParagraph(CTP.Factory.parse(inner.xmlText()), paragraph.getBody()).getText());
            } catch (XmlException e) {
                // A box that does not parse has no text we could read; the paragraph around it still counts.
            }
        }
        return texts;
    }
}
