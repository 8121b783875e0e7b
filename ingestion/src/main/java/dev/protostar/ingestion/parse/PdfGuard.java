package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The PDF side of {@link InflationGuard}: PDFBox decodes a stream whole into memory when it reads it (its
 * {@code Filter.decode} fills a buffer), so a 20 MB PDF whose content stream inflates a thousandfold exhausts the
 * heap before a character is counted. Before any page is read, every Flate stream is inflated into nothing,
 * counting, under the same budget as a DOCX's members; and a PDF with more pages than any resume is refused.
 *
 * <p>Images are counted towards the total but not held to the ratio: a scan's white page compresses far better
 * than a hundredfold and is harmless to text extraction, which never decodes it (OCR does, within the total).
 * Streams that PDFBox itself makes (decrypting, rendering) go to temporary files within the same total, not the
 * heap. Only Flate is inflated here (the filter of nearly every stream); LZW, rarer and slower to inflate, is
 * left to the parse deadline.
 */
final class PdfGuard {

    private final InflationGuard inflation;
    private final long maxInflated;
    private final int maxPages;

    PdfGuard(InflationGuard inflation, long maxInflated, int maxPages) {
        this.inflation = inflation;
        this.maxInflated = maxInflated;
        this.maxPages = maxPages;
    }

    /** PDFBox's own scratch streams on disk, never more than the inflation budget. */
    PDDocument open(byte[] content) throws IOException {
        return Loader.loadPDF(content, "", null, null, MemoryUsageSetting.setupTempFileOnly(maxInflated).streamCache);
    }

    /** Refuses a PDF of too many pages, or whose streams inflate like a bomb; before any page is read. */
    void check(PDDocument document) throws UnreadableDocumentException {
        // The page tree walked, not its /Count believed: the text stripper reads every page the tree holds.
        int pages = 0;
        for (var page : document.getPages()) {
            if (++pages > maxPages) {
                throw Refusals.tooManyPdfPages(Math.max(pages, document.getNumberOfPages()), maxPages);
            }
        }
        InflationGuard.Budget budget = inflation.budget(Format.PDF);
        var cos = document.getDocument();
        for (COSObjectKey key : cos.getXrefTable().keySet()) {
            COSBase object;
            try {
                object = cos.getObjectFromPool(key).getObject();
            } catch (RuntimeException e) {
                continue; // an object PDFBox cannot parse: left to the reader, which will call the file damaged
            }
            if (object instanceof COSStream stream && flate(stream)) {
                boolean image = COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE));
                try (InputStream inflated = new InflaterInputStream(stream.createRawInputStream())) {
                    if (image) {
                        budget.counted(inflated);
                    } else {
                        budget.member(inflated, stream.getLength());
                    }
                } catch (IOException | RuntimeException e) {
                    // Broken deflate data: what inflated before the break was counted; PDFBox decides the rest.
                }
            }
        }
    }

    /** Whether the stream's first filter, the one applied to its bytes as stored, is Flate. */
    private static boolean flate(COSStream stream) {
        COSBase filters = stream.getFilters();
        COSBase first = filters instanceof COSArray array && array.size() > 0 ? array.getObject(0) : filters;
        return COSName.FLATE_DECODE.equals(first) || COSName.FLATE_DECODE_ABBREVIATION.equals(first);
    }
}
