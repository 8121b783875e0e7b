package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import kr.dogfoot.hwplib.object.HWPFile;
import kr.dogfoot.hwplib.object.bodytext.ParagraphListInterface;
import kr.dogfoot.hwplib.object.bodytext.control.Control;
import kr.dogfoot.hwplib.object.bodytext.control.ControlTable;
import kr.dogfoot.hwplib.object.bodytext.control.gso.ControlRectangle;
import kr.dogfoot.hwplib.object.bodytext.control.table.Cell;
import kr.dogfoot.hwplib.object.bodytext.control.table.Row;
import kr.dogfoot.hwplib.object.bodytext.paragraph.Paragraph;
import kr.dogfoot.hwplib.reader.HWPReader;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.XHTMLContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads HWP 5 documents (Hangul word processor) with hwplib and writes them as XHTML: each paragraph a
 * {@code <p>}, each table a {@code <table>} of rows and cells, text boxes' paragraphs in place.
 *
 * <p>Tika 3 has an HWP parser of its own (HwpV5Parser), which we replace: it emits text only, so a table of
 * certificates becomes loose lines, and it fails on files without a summary stream (hwplib writes none).
 *
 * <p>Before hwplib sees the file, which inflates every stream whole into memory, the FileHeader is checked
 * (password-protected and distribution copies are refused) and every compressed stream is inflated once,
 * counted, through the {@link InflationGuard}.
 */
final class HwpParser implements Parser {

    private static final int PROPERTY_COMPRESSED = 0x01;
    private static final int PROPERTY_PASSWORD = 0x02;
    private static final int PROPERTY_DISTRIBUTION = 0x04;

    private final InflationGuard inflation;

    HwpParser(InflationGuard inflation) {
        this.inflation = inflation;
    }

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return Set.of(FileTypes.HWP);
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        byte[] bytes = stream.readAllBytes();
        check(bytes);
        HWPFile hwp;
        try {
            hwp = HWPReader.fromInputStream(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new TikaException("hwplib could not read the document", e);
        }
        var summary = hwp.getSummaryInformation();
        if (summary != null && summary.getTitle() != null) {
            metadata.set(TikaCoreProperties.TITLE, summary.getTitle());
        }
        var xhtml = new XHTMLContentHandler(handler, metadata);
        xhtml.startDocument();
        for (var section : hwp.getBodyText().getSectionList()) {
            paragraphs(section, xhtml);
        }
        xhtml.endDocument();
    }

    private void check(byte[] bytes) throws IOException, TikaException {
        try (var fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            int properties;
            try (var header = fs.createDocumentInputStream("FileHeader")) {
                header.skipNBytes(36);
                properties = header.readInt();
            }
            if ((properties & PROPERTY_PASSWORD) != 0) {
                throw new EncryptedDocumentException("HWP document is password-protected");
            }
            if ((properties & PROPERTY_DISTRIBUTION) != 0) {
                throw new TikaException("HWP distribution document", Refusals.distributionHwp());
            }
            if ((properties & PROPERTY_COMPRESSED) != 0) {
                inflateAll(fs.getRoot(), inflation.budget(Format.HWP));
            }
        } catch (UnreadableDocumentException e) {
            throw new TikaException("HWP decompression bomb", e);
        }
    }

    private static void inflateAll(DirectoryEntry directory, InflationGuard.Budget budget)
            throws IOException, UnreadableDocumentException {
        for (Entry entry : directory) {
            if (entry instanceof DirectoryEntry child) {
                inflateAll(child, budget);
            } else if (entry instanceof DocumentEntry document
                    && !document.getName().startsWith("\u0005")) {
                try (var raw = new DocumentInputStream(document);
                        var inflated = new InflaterInputStream(raw, new Inflater(true))) {
                    budget.member(inflated, document.getSize());
                } catch (IOException notDeflated) {
                    // FileHeader and some embedded pictures are stored as they are: nothing to inflate.
                }
            }
        }
    }

    private static void paragraphs(ParagraphListInterface list, XHTMLContentHandler xhtml)
            throws SAXException, IOException {
        for (Paragraph paragraph : list) {
            String text = paragraph.getNormalString();
            if (text != null && !text.isBlank()) {
                xhtml.element("p", text);
            }
            if (paragraph.getControlList() != null) {
                for (Control control : paragraph.getControlList()) {
                    control(control, xhtml);
                }
            }
        }
    }

    private static void control(Control control, XHTMLContentHandler xhtml) throws SAXException, IOException {
        if (control instanceof ControlTable table) {
            xhtml.startElement("table");
            for (Row row : table.getRowList()) {
                xhtml.startElement("tr");
                for (Cell cell : row.getCellList()) {
                    xhtml.startElement("td");
                    paragraphs(cell.getParagraphList(), xhtml);
                    xhtml.endElement("td");
                }
                xhtml.endElement("tr");
            }
            xhtml.endElement("table");
        } else if (control instanceof ControlRectangle box && box.getTextBox() != null) {
            paragraphs(box.getTextBox().getParagraphList(), xhtml);
        }
    }
}
