package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.apache.tika.config.ServiceLoader;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.DefaultParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.DefaultHtmlMapper;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.hwp.HwpV5Parser;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;

/**
 * Tika, set up for resumes: its standard parsers with {@link HwpParser} in place of its own HWP parser and
 * without OCR; PDF bookmarks, annotations and images skipped (they repeat or are not the candidate's text);
 * embedded documents not opened; HTML navigation dropped with scripts and styles. Its output goes through
 * {@link XhtmlBlocks}, and its failures become reasons.
 *
 * <p>AutoDetectParser also wraps the handler in Tika's SecureContentHandler, which stops documents whose text
 * outgrows their bytes a hundredfold or nests absurdly deep — a second line behind {@link InflationGuard}.
 */
final class TikaReader {

    record Result(String title, List<Block> blocks) {}

    private final Parser parser;
    private final EncodingDetector encodings;
    private final int maxCharacters;
    private final int maxRatio;

    TikaReader(Detector detector, InflationGuard inflation, EncodingDetector encodings, int maxCharacters) {
        var standard = new DefaultParser(
                MediaTypeRegistry.getDefaultRegistry(),
                new ServiceLoader(),
                List.of(HwpV5Parser.class, TesseractOCRParser.class));
        this.parser = new AutoDetectParser(detector, standard, new HwpParser(inflation));
        this.encodings = encodings;
        this.maxCharacters = maxCharacters;
        this.maxRatio = inflation.maxRatio();
    }

    Result read(String fileName, byte[] content, Format format) throws UnreadableDocumentException {
        var handler =
                new XhtmlBlocks(format == Format.PDF || format == Format.HWP, format == Format.PDF, maxCharacters);
        var metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (var in = TikaInputStream.get(content)) {
            parser.parse(in, handler, metadata, context());
        } catch (Exception | StackOverflowError e) {
            throw failure(e, handler, format);
        }
        return new Result(metadata.get(TikaCoreProperties.TITLE), handler.blocks());
    }

    private ParseContext context() {
        var pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractBookmarksText(false);
        pdf.setExtractAnnotationText(false);
        pdf.setExtractInlineImages(false);
        var context = new ParseContext();
        context.set(PDFParserConfig.class, pdf);
        context.set(HtmlMapper.class, new WithoutNavigation());
        context.set(EncodingDetector.class, encodings);
        context.set(EmbeddedDocumentExtractor.class, new NoEmbeddedDocuments());
        return context;
    }

    private UnreadableDocumentException failure(Throwable failure, XhtmlBlocks handler, Format format) {
        if (handler.overLimit()) {
            return Refusals.tooMuchText(maxCharacters);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnreadableDocumentException refusal) {
                return refusal;
            }
            if (t instanceof EncryptedDocumentException
                    || t instanceof org.apache.poi.EncryptedDocumentException
                    || t.getClass().getSimpleName().equals("InvalidPasswordException")) {
                return Refusals.encrypted(format);
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof TikaMemoryLimitException || message.contains("zip bomb")) {
                return Refusals.bomb(format, maxRatio);
            }
        }
        return Refusals.corrupt(format);
    }

    /** Tika's HTML rules (scripts, styles and frames dropped) plus navigation, which is the site, not the resume. */
    private static final class WithoutNavigation extends DefaultHtmlMapper {
        @Override
        public boolean isDiscardElement(String name) {
            return super.isDiscardElement(name) || name.equalsIgnoreCase("nav");
        }
    }

    /** Attachments, embedded spreadsheets and pictures are not the candidate's text, and each is one more parser. */
    private static final class NoEmbeddedDocuments implements EmbeddedDocumentExtractor {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {}
    }
}
