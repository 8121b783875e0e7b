package dev.protostar.ingestion.parse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * One page's OCR: read with the page's models ({@code kor+eng}) and, when that read shows Korean, read again with
 * the Hangul script model and each misread word taken from the second read ({@link WordChoice}). An English page
 * is read once, as is every page on a machine without the Hangul model.
 *
 * <p>Both reads share the page's time: the second gets what the first left. A second read that runs out of it is
 * stopped and the first read kept, since the page was read within its time; only the correction is lost.
 */
final class PageOcr {

    private static final Pattern HANGUL_SYLLABLE = Pattern.compile("[\uAC00-\uD7A3]");

    private final OcrProperties properties;
    private final Tesseract tesseract;
    private final LongSupplier nanoTime;
    private Boolean hangulInstalled;

    PageOcr(OcrProperties properties, LongSupplier nanoTime) {
        this.properties = properties;
        this.tesseract = new Tesseract(properties);
        this.nanoTime = nanoTime;
    }

    /**
     * @param image the page, in a directory of the scan's own
     * @throws TimeoutException the first read was still running after {@code limit}; the process is killed
     * @throws InterruptedException the caller was interrupted; the process is killed
     */
    String read(Path image, Duration limit) throws TimeoutException, InterruptedException {
        long start = nanoTime.getAsLong();
        Tesseract.Reading first = tesseract.read(image, properties.languages(), limit);
        if (syllables(first.text()) < properties.hangulSyllables() || !hangulInstalled(image.getParent())) {
            return first.text();
        }
        Duration left = limit.minusNanos(nanoTime.getAsLong() - start);
        if (!left.isPositive()) {
            return first.text();
        }
        try {
            Tesseract.Reading second = tesseract.read(image, properties.hangulLanguages(), left);
            return WordChoice.merge(first.text(), first.tsv(), second.tsv());
        } catch (TimeoutException e) {
            return first.text();
        }
    }

    /**
     * Asked of tesseract once, on the first Korean page: an ingestion node keeps its models while it runs. A
     * tesseract that cannot say (it has just read the page, so it runs) is taken to lack them: one read, as before.
     */
    private synchronized boolean hangulInstalled(Path work) throws InterruptedException {
        if (hangulInstalled == null) {
            try {
                hangulInstalled = tesseract.has(properties.hangulLanguages(), work);
            } catch (IllegalStateException e) {
                hangulInstalled = false;
            }
        }
        return hangulInstalled;
    }

    static long syllables(String text) {
        return HANGUL_SYLLABLE.matcher(text).results().count();
    }
}
