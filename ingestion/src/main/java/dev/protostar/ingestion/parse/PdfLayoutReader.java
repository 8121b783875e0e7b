package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import dev.protostar.ingestion.parse.PdfColumns.Placed;
import dev.protostar.ingestion.parse.PdfGlyphs.Glyph;
import dev.protostar.ingestion.parse.PdfGlyphs.Page;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads a PDF by its layout, where the text alone loses the document's shape: headings from font size and
 * weight ({@link PdfHeadings}), the name line as the root of every section path, paragraphs re-joined across
 * line wraps ({@link PdfBlocks}, {@link LineJoins}), two columns read one after the other ({@link PdfColumns}),
 * running headers, footers and page numbers dropped ({@link RunningText}).
 *
 * <p>Why PDFBox directly rather than through Tika's PDF parser: Tika hands on only text, as XHTML, and by then
 * every glyph's position, size and font is gone — no setting of {@code PDFParserConfig} brings them back, and
 * Tika offers no way to put our own {@code PDFTextStripper} in its place. PDFBox is the library Tika itself uses
 * for PDF (it is on the classpath through Tika), so nothing is added and a PDF is read by the same code either
 * way. Tika still reads a PDF that has no text layer ({@link TikaDocumentParser}), so that whatever Tika is set
 * up to do with scans applies there.
 */
final class PdfLayoutReader {

    private final int maxCharacters;
    private final PdfGuard guard;

    PdfLayoutReader(int maxCharacters, PdfGuard guard) {
        this.maxCharacters = maxCharacters;
        this.guard = guard;
    }

    /**
     * The PDF's title from its metadata, and its blocks; none when it has no text layer. Refused before a page is
     * read if it has too many pages or inflates like a bomb ({@link PdfGuard}).
     */
    TikaReader.Result read(byte[] content) throws UnreadableDocumentException {
        try (var document = guard.open(content)) {
            guard.check(document);
            String title = document.getDocumentInformation().getTitle();
            return new TikaReader.Result(title, blocks(PdfGlyphs.read(document, maxCharacters)));
        } catch (InvalidPasswordException e) {
            throw Refusals.encrypted(Format.PDF);
        } catch (PdfGlyphs.Stop e) {
            throw e.overLimit ? Refusals.tooMuchText(maxCharacters) : Refusals.corrupt(Format.PDF);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw Refusals.corrupt(Format.PDF);
        }
    }

    static List<Block> blocks(List<Page> pages) {
        var lines = new ArrayList<List<PdfLines.Line>>();
        var heights = new ArrayList<Float>();
        for (Page page : pages) {
            lines.add(PdfLines.of(page.number(), page.glyphs()));
            heights.add(page.height());
        }
        float body = bodySize(pages);
        List<Placed> placed = PdfColumns.orderPages(RunningText.drop(lines, heights), body);
        return placed.isEmpty() ? List.of() : PdfBlocks.of(placed, body);
    }

    /** The size most of the text is set in. */
    private static float bodySize(List<Page> pages) {
        Map<Float, Integer> sizes = new HashMap<>();
        for (Page page : pages) {
            for (Glyph glyph : page.glyphs()) {
                sizes.merge(Math.round(glyph.size() * 2) / 2f, 1, Integer::sum);
            }
        }
        return sizes.entrySet().stream()
                .max(Map.Entry.<Float, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(10f);
    }
}
