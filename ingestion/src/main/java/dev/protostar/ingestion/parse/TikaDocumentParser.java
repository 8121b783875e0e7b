package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads resumes through Apache Tika: detects what a file really is, refuses what cannot or must not be read
 * with a reason its sender can act on, and turns the rest into blocks in reading order.
 *
 * <ul>
 *   <li>PDF is read by its layout ({@link PdfLayoutReader}): headings from how lines are set, paragraphs
 *       re-joined across wraps, columns in order, page furniture dropped. A PDF without a text layer goes
 *       through Tika, like the rest.
 *   <li>DOCX is read with POI ({@link DocxReader}): heading styles and outline levels, tables with their
 *       header labels.
 *   <li>HTML and HWP (through {@link HwpParser}) go through Tika's parsers and {@link XhtmlBlocks}.
 *       HWP has no heading markup, so {@link HeadingHeuristic} finds its headings, as it does for a PDF, Word
 *       or HTML file that sets its headings no differently from its text.
 *   <li>Plain text, Markdown and JSON Resume are decoded with Tika's charset detection ({@link TextDecoder})
 *       and structured here: {@link HeadingHeuristic}, {@link MarkdownBlocks}, {@link JsonResumeBlocks}.
 *   <li>A PDF without a text layer (a scan) and a PNG or JPEG picture are read with OCR ({@link OcrReader}).
 * </ul>
 *
 * <p>Every failure is an {@link UnreadableDocumentException}; the only other way out is a
 * {@link java.util.concurrent.CancellationException} when the calling thread is interrupted, which is about
 * the caller, not the file, and an {@link IllegalStateException} when OCR cannot run on this machine.
 */
@Component
public class TikaDocumentParser implements DocumentParser {

    private final ParseProperties limits;
    private final FileTypes types;
    private final InflationGuard inflation;
    private final TextDecoder decoder;
    private final TikaReader tika;
    private final OcrReader ocr;
    private final PdfLayoutReader pdf;
    private final DocxReader docx;

    public TikaDocumentParser(ParseProperties limits) {
        this(limits, OcrProperties.defaults());
    }

    @Autowired
    public TikaDocumentParser(ParseProperties limits, OcrProperties ocr) {
        this.limits = limits;
        this.ocr = new OcrReader(ocr);
        this.types = new FileTypes();
        this.inflation = new InflationGuard(
                limits.maxInflationRatio(), limits.maxInflatedSize().toBytes());
        this.decoder = new TextDecoder();
        this.tika = new TikaReader(types.detector(), inflation, decoder, limits.maxCharacters());
        this.pdf = new PdfLayoutReader(
                limits.maxCharacters(),
                new PdfGuard(inflation, limits.maxInflatedSize().toBytes(), limits.maxPdfPages()));
        this.docx = new DocxReader(limits.maxCharacters(), limits.maxInflationRatio());
    }

    @Override
    public ParsedDocument parse(String fileName, byte[] content, PageProgress pages)
            throws UnreadableDocumentException {
        String name = baseName(fileName);
        if (content == null || isBlank(content)) {
            throw Refusals.empty(content == null || content.length == 0);
        }
        if (content.length > limits.maxFileSize().toBytes()) {
            throw Refusals.tooLarge(content.length, limits.maxFileSize().toBytes());
        }
        Format format;
        try {
            format = types.detect(name, content);
        } catch (RuntimeException | StackOverflowError e) {
            throw Refusals.unrecognisable();
        }
        TikaReader.Result read = Deadline.run(limits.timeout(), format, () -> read(format, name, content));
        List<Block> blocks = tidy(read.blocks());
        boolean scan = ocr.reads(format, blocks);
        if (scan) {
            // No usable text layer: a scan or a picture. Read outside the parse deadline, with OCR's own budget.
            blocks = tidy(ocr.read(format, content, pages));
        }
        if (blocks.isEmpty()) {
            throw format == Format.TEXT || format == Format.MARKDOWN || format == Format.JSON_RESUME
                    ? Refusals.empty(false)
                    : Refusals.noText(format);
        }
        // A JSON Resume's headings are ours ("Work"), not the author's: no title there.
        var titled = format == Format.JSON_RESUME ? List.<Block>of() : blocks;
        return new ParsedDocument(Titles.choose(read.title(), titled, name), format, blocks, scan);
    }

    private static List<Block> tidy(List<Block> blocks) {
        return blocks.stream()
                .map(TikaDocumentParser::collapsed)
                .filter(b -> !b.text().isEmpty())
                .toList();
    }

    private TikaReader.Result read(Format format, String name, byte[] content) throws UnreadableDocumentException {
        return switch (format) {
            case PDF -> {
                var layout = pdf.read(content);
                yield layout.blocks().isEmpty()
                        ? structured(tika.read(name, content, format))
                        : headingsOrHeuristic(layout);
            }
            case HWP -> structured(tika.read(name, content, format));
            case DOCX -> {
                inflation.checkZip(content, format);
                yield headingsOrHeuristic(docx.read(content));
            }
            case HTML -> headingsOrHeuristic(tika.read(name, content, format));
            case TEXT -> new TikaReader.Result(null, HeadingHeuristic.apply(text(content, name, format)));
            case IMAGE -> new TikaReader.Result(null, List.of()); // no text layer: OCR reads it
            case MARKDOWN -> {
                var markdown = MarkdownBlocks.parse(text(content, name, format));
                yield new TikaReader.Result(markdown.title(), markdown.blocks());
            }
            case JSON_RESUME -> {
                var resume = JsonResumeBlocks.parse(text(content, name, format));
                yield new TikaReader.Result(resume.title(), resume.blocks());
            }
        };
    }

    private String text(byte[] content, String name, Format format) throws UnreadableDocumentException {
        String text = decoder.decode(content, name, format);
        if (text.length() > limits.maxCharacters()) {
            throw Refusals.tooMuchText(limits.maxCharacters());
        }
        return text;
    }

    private static TikaReader.Result structured(TikaReader.Result read) {
        return new TikaReader.Result(read.title(), HeadingHeuristic.apply(read.blocks()));
    }

    /**
     * A document that sets its headings no differently from its text — a PDF in one font and size, a Word or HTML
     * file without heading styles — still has headings: the heuristic looks for them in the words.
     */
    private static TikaReader.Result headingsOrHeuristic(TikaReader.Result read) {
        boolean marked = read.blocks().stream().anyMatch(b -> b.kind() == Kind.HEADING);
        return marked ? read : structured(read);
    }

    private static Block collapsed(Block block) {
        return new Block(block.kind(), block.level(), Text.collapse(block.text()), block.page());
    }

    private static boolean isBlank(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                ? 3 // a UTF-8 byte order mark
                : 0;
        for (int i = start; i < content.length; i++) {
            byte b = content[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The name without any folders: "inbox/cand-7/이력서.pdf" is checked and titled as "이력서.pdf". */
    private static String baseName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "document";
        }
        String name = fileName.strip();
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return base.isBlank() ? "document" : base;
    }
}
