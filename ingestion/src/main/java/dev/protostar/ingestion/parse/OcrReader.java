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
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads a document that has no text layer — a scanned PDF, a PNG or JPEG of a resume — with OCR: page by page,
 * each page reported as it is read, within a time budget for each page and for the whole scan. A Korean page is read
 * twice and its words chosen from both ({@link PageOcr}). Its text is then structured as plain text is
 * ({@link HeadingHeuristic}), so its headings still give section paths.
 *
 * <p>It runs on the caller's thread, outside the parse's {@link Deadline}: a scan takes seconds a page, far longer
 * than a text layer may, so it has its own budget (rendering a page has a deadline of its own, as parsing does).
 * When that runs out, or the caller is interrupted, the page's tesseract process is killed.
 */
final class OcrReader {

    private final OcrProperties properties;
    private final PageOcr pageOcr;
    private final LongSupplier nanoTime;

    OcrReader(OcrProperties properties) {
        this(properties, System::nanoTime);
    }

    OcrReader(OcrProperties properties, LongSupplier nanoTime) {
        this.properties = properties;
        this.pageOcr = new PageOcr(properties, nanoTime);
        this.nanoTime = nanoTime;
    }

    /**
     * Whether a document is a scan: a picture, or a PDF whose text layer has no usable text — none, or a few
     * characters such as a page number or a scanner's stamp, fewer than a resume could have.
     */
    boolean reads(Format format, List<Block> text) {
        return (format == Format.PDF || format == Format.IMAGE) && OcrText.readable(text) < properties.minCharacters();
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
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                texts.add(readPage(pages, i, work, start));
                progress.pagesRead(i + 1, total);
            }
            texts = OcrText.withoutRunningText(texts);
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                blocks.addAll(OcrText.blocks(texts.get(i), format == Format.PDF ? i + 1 : 0));
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

    /**
     * One page, rendered and read within the page's budget: the page timeout, or what is left of the scan's
     * budget if that is less; a second read of a Korean page ({@link PageOcr}) is within it too. Rendering runs
     * under a {@link Deadline} as parsing does (PDFBox can spin on a hostile page); a page PDFBox cannot draw is a
     * damaged file.
     */
    private String readPage(ScanPages pages, int index, Path work, long start)
            throws UnreadableDocumentException, InterruptedException, IOException {
        long pageStart = nanoTime.getAsLong();
        Duration left = properties.timeout().minusNanos(pageStart - start);
        boolean pageBound = properties.pageTimeout().compareTo(left) <= 0;
        Supplier<UnreadableDocumentException> tooSlow = () -> pageBound
                ? Refusals.pageTooSlow(
                        index + 1, pages.count(), properties.pageTimeout().toSeconds())
                : Refusals.scanTooSlow(properties.timeout().toSeconds(), index + 1, pages.count());
        if (!left.isPositive()) {
            throw tooSlow.get();
        }
        Duration limit = pageBound ? properties.pageTimeout() : left;
        BufferedImage page = Deadline.run(
                limit,
                pages.format(),
                () -> {
                    try {
                        return pages.page(index);
                    } catch (IOException e) {
                        throw Refusals.corrupt(pages.format());
                    }
                },
                tooSlow);
        Path image = work.resolve("page-" + (index + 1) + ".pgm");
        ScanPages.writePgm(page, image);
        Duration remaining = limit.minusNanos(nanoTime.getAsLong() - pageStart);
        if (!remaining.isPositive()) {
            throw tooSlow.get();
        }
        try {
            return pageOcr.read(image, remaining);
        } catch (TimeoutException e) {
            throw tooSlow.get();
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
