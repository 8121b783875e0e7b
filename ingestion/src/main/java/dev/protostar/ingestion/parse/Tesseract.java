package dev.protostar.ingestion.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One page through the {@code tesseract} CLI (Debian's tesseract-ocr, called as a program: no native library
 * in the JVM, so a crash or a runaway page costs a process, never the service). Output and errors go to files
 * beside the page, not pipes, so nothing can block on a full pipe. A page that outlives its time, or a caller
 * that is interrupted, kills the process: no tesseract outlives the document it was reading. It is also asked which
 * models it has ({@link #has}), so that a page is read a second time only where the model for it is installed.
 */
final class Tesseract {

    /** {@code --list-langs} prints a few lines at once; one that takes longer is not a working tesseract. */
    private static final Duration LIST_LANGS_TIMEOUT = Duration.ofSeconds(10);

    private final OcrProperties properties;

    Tesseract(OcrProperties properties) {
        this.properties = properties;
    }

    /**
     * One read of a page, as text and as words with their boxes: both from the same run, so they are the same
     * reading ({@link TsvWords} lines them up).
     *
     * @param text the page's text, lines as tesseract found them, paragraphs separated by blank lines
     * @param tsv tesseract's {@code tsv} output: one row per word with its box, block, paragraph and line
     */
    record Reading(String text, String tsv) {}

    /**
     * @param image a page image tesseract reads (PGM, PNG, JPEG…)
     * @param languages tesseract's {@code -l} for this read
     * @throws TimeoutException the page was still being read after {@code limit}; the process is killed
     * @throws InterruptedException the caller was interrupted; the process is killed
     * @throws IllegalStateException tesseract could not run or failed: about this machine, not the file
     */
    Reading read(Path image, String languages, Duration limit) throws TimeoutException, InterruptedException {
        // Two reads of one page (PageOcr) must not overwrite each other's output: each is named by its models.
        String base = image.getFileName() + "." + languages.replaceAll("[^A-Za-z0-9_+-]", "_");
        Path output = image.resolveSibling(base);
        Path errors = image.resolveSibling(base + ".err");
        run(
                List.of(
                        properties.command(),
                        image.toString(),
                        output.toString(),
                        "-l",
                        languages,
                        "--dpi",
                        Integer.toString(properties.dpi()),
                        "--psm",
                        Integer.toString(properties.pageSegmentation()),
                        "txt",
                        "tsv"),
                output.resolveSibling(base + ".out"),
                errors,
                limit,
                "page " + image);
        return new Reading(
                readString(output.resolveSibling(base + ".txt")), readString(output.resolveSibling(base + ".tsv")));
    }

    /**
     * Whether tesseract has every model of {@code languages} ({@code kor+eng}): asked once with
     * {@code --list-langs}, so a machine without a model reads as it can rather than failing each page.
     *
     * @param work a directory for tesseract's output
     * @throws IllegalStateException tesseract could not run or failed: about this machine, not the file
     */
    boolean has(String languages, Path work) throws InterruptedException {
        Path listed = work.resolve("langs.txt");
        try {
            run(
                    List.of(properties.command(), "--list-langs"),
                    listed,
                    work.resolve("langs.err"),
                    LIST_LANGS_TIMEOUT,
                    "--list-langs");
        } catch (TimeoutException e) {
            throw new IllegalStateException("tesseract --list-langs did not answer within " + LIST_LANGS_TIMEOUT, e);
        }
        var installed = readString(listed).lines().map(String::strip).toList();
        return Stream.of(languages.split("\\+")).allMatch(installed::contains);
    }

    private void run(List<String> arguments, Path output, Path errors, Duration limit, String what)
            throws TimeoutException, InterruptedException {
        var command =
                new ProcessBuilder(arguments).redirectOutput(output.toFile()).redirectError(errors.toFile());
        // tesseract's OpenMP would take every core for one page; documents in flight are the parallelism here.
        command.environment().put("OMP_THREAD_LIMIT", Integer.toString(properties.threads()));
        Process process;
        try {
            process = command.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "OCR is not available: could not start " + properties.command() + " (" + e.getMessage() + ")", e);
        }
        try {
            if (!process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException(what + " not read within " + limit);
            }
        } finally {
            if (process.isAlive()) {
                kill(process);
            }
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "tesseract exited with " + process.exitValue() + ": " + tail(errors) + " (" + what + ")");
        }
    }

    /** Waits for the kill to land, uninterruptibly: the caller is leaving and must not leave the process behind. */
    private static void kill(Process process) {
        process.destroyForcibly();
        boolean interrupted = false;
        while (process.isAlive()) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path errors) {
        String all = readString(errors).strip();
        return all.length() <= 300 ? all : "…" + all.substring(all.length() - 300);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read tesseract's output " + file, e);
        }
    }
}
