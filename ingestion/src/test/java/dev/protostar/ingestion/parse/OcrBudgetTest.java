package dev.protostar.ingestion.parse;

import static dev.protostar.ingestion.parse.Documents.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import dev.protostar.ingestion.parse.UnreadableDocumentException.Code;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OCR within its time and page budget, with the real tesseract: whatever stops a scan, no process outlives it. */
class OcrBudgetTest {

    private static final byte[] SCAN = bytes("resume-en-scan.pdf");

    private final List<String> progress = new ArrayList<>();

    @AfterEach
    void no_tesseract_is_left_running() {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .as("tesseract processes still running")
                .isEmpty();
    }

    @Test
    void a_page_over_its_time_is_stopped_and_the_scan_refused() {
        var reader = new OcrReader(budget(Duration.ofMillis(200), Duration.ofSeconds(120), 10));
        long start = System.nanoTime();

        var refusal = refuse(reader);

        assertThat(refusal.code()).isEqualTo(Code.TOO_LARGE);
        assertThat(refusal.getMessage()).startsWith("The scan's page 1 of 2 took more than");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(progress).containsExactly("0/2");
    }

    @Test
    void the_whole_scan_budget_bounds_the_page_being_read() {
        var reader = new OcrReader(budget(Duration.ofSeconds(30), Duration.ofMillis(300), 10));

        var refusal = refuse(reader);

        assertThat(refusal.code()).isEqualTo(Code.TOO_LARGE);
        assertThat(refusal.getMessage())
                .startsWith("The scan took more than 0 seconds to read with OCR, so it was stopped at page 1 of 2");
    }

    @Test
    void a_scan_over_its_budget_is_refused_before_the_next_page() {
        // The clock: the start, page 1, its rendering and its read at 0 s; page 2 at 121 s, past the 120 s budget.
        var ticks = new ArrayList<>(List.of(0L, 0L, 0L, 0L, TimeUnit.SECONDS.toNanos(121)));
        var reader = new OcrReader(budget(Duration.ofSeconds(30), Duration.ofSeconds(120), 10), ticks::removeFirst);

        var refusal = refuse(reader);

        assertThat(refusal.code()).isEqualTo(Code.TOO_LARGE);
        assertThat(refusal.getMessage())
                .isEqualTo("The scan took more than 120 seconds to read with OCR, so it was stopped at page 2 of 2:"
                        + " send a PDF with a text layer, or fewer pages.");
        assertThat(progress).containsExactly("0/2", "1/2");
    }

    @Test
    void a_scan_with_more_pages_than_the_limit_is_refused_before_any_is_read() {
        var reader = new OcrReader(budget(Duration.ofSeconds(30), Duration.ofSeconds(120), 1));

        var refusal = refuse(reader);

        assertThat(refusal.code()).isEqualTo(Code.TOO_LARGE);
        assertThat(refusal.getMessage()).startsWith("The scan has 2 pages, more than the 1 we read with OCR");
        assertThat(progress).isEmpty();
    }

    @Test
    void an_interrupted_reader_kills_its_tesseract_and_says_cancelled() throws Exception {
        var reader = new OcrReader(budget(Duration.ofSeconds(30), Duration.ofSeconds(120), 10));
        var started = new CountDownLatch(1);
        var outcome = new AtomicReference<Throwable>();
        Thread reading = Thread.ofPlatform()
                .start(() -> outcome.set(
                        catchThrowable(() -> reader.read(Format.PDF, SCAN, (read, total) -> started.countDown()))));

        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        reading.interrupt();
        reading.join(10_000);

        assertThat(reading.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
    }

    private UnreadableDocumentException refuse(OcrReader reader) {
        return catchThrowableOfType(
                UnreadableDocumentException.class,
                () -> reader.read(Format.PDF, SCAN, (read, total) -> progress.add(read + "/" + total)));
    }

    private static OcrProperties budget(Duration page, Duration total, int maxPages) {
        return new OcrProperties(null, null, null, 0, 0, 0, 0, maxPages, 0, page, total, 0);
    }
}
