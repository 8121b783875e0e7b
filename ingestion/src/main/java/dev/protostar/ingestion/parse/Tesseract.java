package dev.protostar.ingestion.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One page through the {@code tesseract} CLI (Debian's tesseract-ocr, called as a program: no native library
 * in the JVM, so a crash or a runaway page costs a process, never the service). Output and errors go to files
 * beside the page, not pipes, so nothing can block on a full pipe. A page that outlives its time, or a caller
 * that is interrupted, kills the process: no tesseract outlives the document it was reading.
 */
final class Tesseract {

    private final OcrProperties properties;

    Tesseract(OcrProperties properties) {
        this.properties = properties;
    }

    /**
     * @param image a page image tesseract reads (PGM, PNG, JPEG…)
     * @return the page's text, lines as tesseract found them, paragraphs separated by blank lines
     * @throws TimeoutException the page was still being read after {@code limit}; the process is killed
     * @throws InterruptedException the caller was interrupted; the process is killed
     * @throws IllegalStateException tesseract could not run or failed: about this machine, not the file
     */
    String read(Path image, Duration limit) throws TimeoutException, InterruptedException {
        Path text = image.resolveSibling(image.getFileName() + ".txt");
        Path errors = image.resolveSibling(image.getFileName() + ".err");
        var command = new ProcessBuilder(List.of(
                        properties.command(),
                        image.toString(),
                        "stdout",
                        "-l",
                        properties.languages(),
                        "--dpi",
                        Integer.toString(properties.dpi()),
                        "--psm",
                        Integer.toString(properties.pageSegmentation())))
                .redirectOutput(text.toFile())
                .redirectError(errors.toFile());
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
                throw new TimeoutException("page not read within " + limit);
            }
        } finally {
            if (process.isAlive()) {
                kill(process);
            }
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "tesseract exited with " + process.exitValue() + ": " + tail(errors) + " (page " + image + ")");
        }
        return readString(text);
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
