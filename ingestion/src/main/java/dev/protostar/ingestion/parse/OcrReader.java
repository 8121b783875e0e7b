package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Reads a document that has no text layer — a scanned PDF, a PNG or JPEG of a resume — with OCR: page by page,
 * each page reported as it is read, within a time budget for each page and for the whole scan. Its text is then
 * structured as plain text is ({@link HeadingHeuristic}), so its headings still give section paths.
 *
 * <p>It runs on the caller's thread, outside {@link Deadline}: a scan takes seconds a page, far longer than a
 * text layer may, so it has its own budget. When that runs out, or the caller is interrupted, the page's
 * tesseract process is killed.
 */
final class OcrReader {

    private final OcrProperties properties;
    private final Tesseract tesseract;
    private final LongSupplier nanoTime;

    OcrReader(OcrProperties properties) {
        this(properties, System::nanoTime);
    }

    OcrReader(OcrProperties properties, LongSupplier nanoTime) {
        this.properties = properties;
        this.tesseract = new Tesseract(properties);
        this.nanoTime = nanoTime;
    }

    /** The formats a scan comes in: OCR is what reads them when they have no text. */
    static boolean reads(Format format) {
        return format == Format.PDF || format == Format.IMAGE;
    }

    /**
     * @throws UnreadableDocumentException too many pages, over the time budget, or nothing readable on any page
     * @throws CancellationException the calling thread was interrupted (about the caller, not the file)
     */
    List<Block> read(Format format, byte[] content, PageProgress progress) throws UnreadableDocumentException {
        long start = nanoTime.getAsLong();
        Path work = workDirectory();
        try (ScanPages pages = ScanPages.open(format, content, properties)) {
            int total = pages.count();
            if (total > properties.maxPages()) {
                throw Refusals.tooManyPages(total, properties.maxPages());
            }
            progress.pagesRead(0, total);
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                Duration left = properties.timeout().minusNanos(nanoTime.getAsLong() - start);
                if (!left.isPositive()) {
                    throw Refusals.scanTooSlow(properties.timeout().toSeconds(), i + 1, total);
                }
                Path image = work.resolve("page-" + (i + 1) + ".pgm");
                ScanPages.writePgm(render(pages, i, format), image);
                blocks.addAll(OcrText.blocks(readPage(image, left, i + 1, total), format == Format.PDF ? i + 1 : 0));
                progress.pagesRead(i + 1, total);
            }
            if (OcrText.readable(blocks) < properties.minCharacters()) {
                throw Refusals.unreadableScan(format);
            }
            return HeadingHeuristic.apply(blocks);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write or remove the pages OCR reads, under " + work, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading a scan");
        } finally {
            delete(work);
        }
    }

    private String readPage(Path image, Duration left, int page, int total)
            throws UnreadableDocumentException, InterruptedException {
        boolean pageBound = properties.pageTimeout().compareTo(left) <= 0;
        try {
            return tesseract.read(image, pageBound ? properties.pageTimeout() : left);
        } catch (TimeoutException e) {
            throw pageBound
                    ? Refusals.pageTooSlow(page, total, properties.pageTimeout().toSeconds())
                    : Refusals.scanTooSlow(properties.timeout().toSeconds(), page, total);
        }
    }

    /** A page PDFBox cannot draw is a damaged file: its text layer was read, so the file itself opened. */
    private static BufferedImage render(ScanPages pages, int index, Format format) throws UnreadableDocumentException {
        try {
            return pages.page(index);
        } catch (IOException | RuntimeException e) {
            throw Refusals.corrupt(format);
        }
    }

    private static Path workDirectory() {
        try {
            return Files.createTempDirectory("protostar-ocr-");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for OCR", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A page left in the temporary directory is harmless; the ingestion's outcome is not.
        }
    }
}
