package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Reads a Word document's structure with POI: headings from their styles ("heading 1".."heading 9", styles based
 * on them, or any paragraph or style with an outline level) and the Title style above them as the root of
 * every section path; numbered and bulleted paragraphs as list items; tables row by row through
 * {@link TableRows}, with the header row's labels (a row marked "repeat as header row", or one set wholly in bold)
 * and merged cells filled in from the row above. Text boxes are read after the paragraph that holds them;
 * running headers and footers are not read at all.
 *
 * <p>Why POI directly rather than through Tika's Word parser: Tika writes headings only for the built-in heading
 * style names, not outline levels, and writes tables as plain rows, without telling a header row or a merged cell
 * from any other. POI is what Tika reads Word with, so nothing is added.
 */
final class DocxReader {

    private static final Pattern HEADING_STYLE = Pattern.compile("heading\\s*([1-9])");

    private final int maxCharacters;
    private final int maxRatio;

    DocxReader(int maxCharacters, int maxRatio) {
        this.maxCharacters = maxCharacters;
        this.maxRatio = maxRatio;
    }

    TikaReader.Result read(byte[] content) throws UnreadableDocumentException {
        try (var document = new XWPFDocument(new ByteArrayInputStream(content))) {
            var walk = new Walk(document);
            for (IBodyElement element : document.getBodyElements()) {
                walk.element(element);
            }
            String title = document.getProperties().getCoreProperties().getTitle();
            return new TikaReader.Result(title, walk.blocks());
        } catch (UnreadableDocumentException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            throw message.contains("zip bomb") ? Refusals.bomb(Format.DOCX, maxRatio) : Refusals.corrupt(Format.DOCX);
        }
    }

    /** One pass over the body, in order. */
    private final class Walk {
        private final XWPFDocument document;
        private final List<Block> blocks = new ArrayList<>();
        private final boolean titled;
        private long characters;

        Walk(XWPFDocument document) {
            this.document = document;
            this.titled = document.getParagraphs().stream().anyMatch(p -> isTitle(p.getStyleID()));
        }

        void element(IBodyElement element) throws UnreadableDocumentException {
            if (Thread.currentThread().isInterrupted()) {
                throw Refusals.corrupt(Format.DOCX); // abandoned by the deadline: nobody reads this
            }
            switch (element) {
                case XWPFParagraph paragraph -> paragraph(paragraph);
                case XWPFTable table -> table(table);
                case XWPFSDT control ->
                    add(Kind.PARAGRAPH, 0, control.getContent().getText());
                default -> {}
            }
        }

        private void paragraph(XWPFParagraph paragraph) throws UnreadableDocumentException {
            String text = paragraph.getText();
            int heading = headingLevel(paragraph);
            BigInteger numbering = paragraph.getNumID();
            if (heading > 0) {
                add(Kind.HEADING, heading, text);
            } else if (numbering != null && !BigInteger.ZERO.equals(numbering)) {
                BigInteger depth = paragraph.getNumIlvl();
                add(Kind.LIST_ITEM, depth == null ? 1 : depth.intValue() + 1, text);
            } else {
                add(Kind.PARAGRAPH, 0, text);
            }
            for (String box : DocxTextBoxes.of(paragraph)) {
                add(Kind.PARAGRAPH, 0, box);
            }
        }

        private void table(XWPFTable table) throws UnreadableDocumentException {
            for (String line : DocxTables.lines(table)) {
                add(Kind.TABLE_ROW, 0, line);
            }
        }

        /** Title above "heading 1": when the document has a title, every heading goes one level down. */
        private int headingLevel(XWPFParagraph paragraph) {
            String style = paragraph.getStyleID();
            if (isTitle(style)) {
                return 1;
            }
            int level = outlineLevel(
                    paragraph.getCTP().getPPr() == null
                            ? null
                            : paragraph.getCTP().getPPr().getOutlineLvl());
            for (int hops = 0; level == 0 && style != null && hops < 10; hops++) {
                XWPFStyle found = document.getStyles() == null
                        ? null
                        : document.getStyles().getStyle(style);
                if (found == null) {
                    break;
                }
                Matcher name =
                        HEADING_STYLE.matcher(String.valueOf(found.getName()).toLowerCase(Locale.ROOT));
                level = name.matches() ? Integer.parseInt(name.group(1)) : outlineLevel(styleOutline(found));
                style = found.getBasisStyleID();
            }
            return level == 0 ? 0 : Math.min(level + (titled ? 1 : 0), 6);
        }

        private boolean isTitle(String style) {
            if (style == null || document.getStyles() == null) {
                return false;
            }
            XWPFStyle found = document.getStyles().getStyle(style);
            return found != null && "title".equalsIgnoreCase(String.valueOf(found.getName()));
        }

        private void add(Kind kind, int level, String text) throws UnreadableDocumentException {
            String collapsed = Text.collapse(text);
            characters += collapsed.length();
            if (characters > maxCharacters) {
                throw Refusals.tooMuchText(maxCharacters);
            }
            if (!collapsed.isEmpty()) {
                blocks.add(new Block(kind, level, collapsed, 0));
            }
        }

        List<Block> blocks() {
            return blocks;
        }
    }

    private static org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber styleOutline(
            XWPFStyle style) {
        var properties = style.getCTStyle().getPPr();
        return properties == null ? null : properties.getOutlineLvl();
    }

    /** Word's outline levels count from 0, and 9 is body text. */
    private static int outlineLevel(org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber level) {
        if (level == null || level.getVal() == null) {
            return 0;
        }
        int value = level.getVal().intValue();
        return value >= 0 && value < 9 ? value + 1 : 0;
    }
}
