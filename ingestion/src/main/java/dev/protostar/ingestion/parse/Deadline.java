package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one parse on its own (virtual) thread and stops waiting for it after the timeout, so that a file built
 * to make a parser loop cannot hold an ingestion worker forever. Tika's limits bound memory and output, not
 * time, and PDFBox or POI can spin on a malformed structure.
 *
 * <p>Java cannot kill a thread; the abandoned one is interrupted, and {@link XhtmlBlocks} turns that into an
 * exception at the parser's next piece of text. A parser stuck where it writes no text keeps its thread
 * until it finishes; the caller has its answer either way.
 */
final class Deadline {

    private Deadline() {}

    interface Parse<T> extends Callable<T> {
        @Override
        T call() throws UnreadableDocumentException;
    }

    static <T> T run(Duration timeout, Format format, Parse<T> parse) throws UnreadableDocumentException {
        return run(timeout, format, parse, () -> Refusals.tooSlow(format, timeout.toSeconds()));
    }

    /** @param tooSlow the refusal when the timeout passes, for callers whose budget means something else */
    static <T> T run(Duration timeout, Format format, Parse<T> parse, Supplier<UnreadableDocumentException> tooSlow)
            throws UnreadableDocumentException {
        var task = new FutureTask<>(parse);
        Thread.ofVirtual().name("parse-" + format.name().toLowerCase()).start(task);
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw tooSlow.get();
        } catch (InterruptedException e) {
            // The caller is being stopped, which says nothing about the file: not a refusal, so it can be retried.
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading a " + format);
        } catch (ExecutionException e) {
            throw switch (e.getCause()) {
                case UnreadableDocumentException refusal -> refusal;
                case OutOfMemoryError tooBig -> Refusals.tooBigToRead(format);
                default -> Refusals.corrupt(format);
            };
        }
    }
}
