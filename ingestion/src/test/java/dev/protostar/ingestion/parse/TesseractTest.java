package dev.protostar.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real tesseract CLI on a rendered page of the English scan. */
class TesseractTest {

    @TempDir
    static Path dir;

    private static Path page;

    @BeforeAll
    static void renderTheFirstPage() throws Exception {
        page = dir.resolve("page-1.pgm");
        try (var pages = ScanPages.open(Format.PDF, Documents.bytes("resume-en-scan.pdf"), OcrProperties.defaults())) {
            ScanPages.writePgm(pages.page(0), page);
        }
    }

    @AfterEach
    void no_tesseract_is_left_running() {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .as("tesseract processes still running")
                .isEmpty();
    }

    @Test
    void reads_a_page() throws Exception {
        var reading = new Tesseract(OcrProperties.defaults()).read(page, "kor+eng", Duration.ofSeconds(60));

        assertThat(reading.text())
                .contains("Raised settlement throughput from 2,000 to 9,500 transactions per second.");
        assertThat(TsvWords.words(reading.tsv()))
                .extracting(TsvWords.Word::text)
                .containsSubsequence("Raised", "settlement", "throughput");
    }

    @Test
    void knows_which_models_it_has() throws Exception {
        var tesseract = new Tesseract(OcrProperties.defaults());

        assertThat(tesseract.has("kor+eng", dir)).isTrue();
        assertThat(tesseract.has("eng+no-such-model", dir)).isFalse();
    }

    @Test
    void kills_a_page_over_its_time() {
        assertThatThrownBy(() -> new Tesseract(OcrProperties.defaults()).read(page, "kor+eng", Duration.ofMillis(100)))
                .isInstanceOf(TimeoutException.class);
    }

    @Test
    void kills_the_page_when_the_reader_is_interrupted() throws Exception {
        var tesseract = new Tesseract(OcrProperties.defaults());
        var outcome = new AtomicReference<Throwable>();
        var reading = Thread.ofPlatform()
                .start(() ->
                        outcome.set(catchThrowable(() -> tesseract.read(page, "kor+eng", Duration.ofSeconds(60)))));
        // Interrupt only once tesseract runs: there is no hook to hear it start, so look for the process.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(reading.isAlive()).as("still reading when interrupted").isTrue();

        reading.interrupt();
        reading.join(10_000);

        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void says_ocr_is_not_available_when_tesseract_is_missing() throws Exception {
        var missing = new OcrProperties(
                dir.resolve("no-such-tesseract").toString(), null, null, 0, 0, 0, 0, 0, 0, null, null, 0);

        assertThatThrownBy(() -> new Tesseract(missing).read(page, "kor+eng", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("OCR is not available");
        assertThat(Files.exists(page)).isTrue();
    }
}
