package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import dev.protostar.ingestion.parse.UnreadableDocumentException.Code;
import java.util.Locale;

/**
 * Every reason a document is refused, worded once. The reader is the person who uploaded the file: each reason
 * says what is wrong in their terms and what to do about it, never how the program failed.
 */
final class Refusals {

    static final String SUPPORTED = "PDF, DOCX, HWP, HTML, Markdown, plain text, JSON Resume, or a PNG or JPEG scan";

    private Refusals() {}

    static UnreadableDocumentException empty(boolean zeroBytes) {
        return new UnreadableDocumentException(
                Code.EMPTY,
                zeroBytes
                        ? "The file is empty (0 bytes); upload it again, it may not have finished saving or downloading."
                        : "The file holds nothing but blank space; upload the resume itself.");
    }

    static UnreadableDocumentException tooLarge(long bytes, long limit) {
        return new UnreadableDocumentException(
                Code.TOO_LARGE,
                "The file is %s, more than the %s we read; upload a smaller copy (for example without photos)."
                        .formatted(size(bytes), size(limit)));
    }

    static UnreadableDocumentException tooMuchText(int limit) {
        return new UnreadableDocumentException(
                Code.TOO_LARGE,
                "The document holds more than %,d characters of text, far more than a resume; upload the resume on its own."
                        .formatted(limit));
    }

    static UnreadableDocumentException tooBigToRead(Format format) {
        return new UnreadableDocumentException(
                Code.TOO_LARGE,
                "The %s needs more memory to read than one document may use; upload a smaller copy (for example without photos)."
                        .formatted(label(format)));
    }

    static UnreadableDocumentException tooSlow(Format format, long seconds) {
        return new UnreadableDocumentException(
                Code.CORRUPT,
                "Reading the %s took more than %d seconds, so it was stopped: the file may be damaged or unusually complex. Save or export it again, or upload it as PDF or DOCX."
                        .formatted(label(format), seconds));
    }

    static UnreadableDocumentException unsupported(String what, String advice) {
        return new UnreadableDocumentException(
                Code.UNSUPPORTED_TYPE,
                "The file is %s, which we cannot read. %s".formatted(what, advice == null ? uploadAs() : advice));
    }

    static UnreadableDocumentException notAJsonResume() {
        return new UnreadableDocumentException(
                Code.UNSUPPORTED_TYPE,
                "The file is JSON that is not a JSON Resume (jsonresume.org): it has none of basics, work, education or skills. "
                        + uploadAs());
    }

    static UnreadableDocumentException mismatch(String fileName, Format claimed, String actually) {
        return new UnreadableDocumentException(
                Code.TYPE_MISMATCH,
                "The file is named %s but it is not %s: it is %s. Export the resume as %s again, or upload the file under its real type."
                        .formatted(fileName, article(claimed), actually, label(claimed)));
    }

    static UnreadableDocumentException encrypted(Format format) {
        String reason =
                switch (format) {
                    case PDF -> "The PDF is password-protected; upload a copy without a password.";
                    case DOCX ->
                        "The Word document is password-protected; save a copy without a password and upload that.";
                    case HWP ->
                        "The HWP document is password-protected; save a copy without a password in Hangul and upload that.";
                    default -> "The file is password-protected; upload a copy without a password.";
                };
        return new UnreadableDocumentException(Code.ENCRYPTED, reason);
    }

    static UnreadableDocumentException protectedOffice() {
        return new UnreadableDocumentException(
                Code.ENCRYPTED,
                "The Office document is password-protected; save a copy without a password and upload that.");
    }

    static UnreadableDocumentException distributionHwp() {
        return new UnreadableDocumentException(
                Code.ENCRYPTED,
                "The HWP document is a distribution copy (배포용 문서), locked against copying its text; upload the original HWP or a PDF export.");
    }

    static UnreadableDocumentException noText(Format format) {
        return new UnreadableDocumentException(
                Code.NO_TEXT,
                "The %s has no text in it (perhaps only pictures); upload a version of the resume that contains its text."
                        .formatted(label(format)));
    }

    /** A scan (PDF without a text layer) or a picture in which OCR found nothing that reads as text. */
    static UnreadableDocumentException unreadableScan(Format format) {
        return new UnreadableDocumentException(
                Code.NO_TEXT,
                format == Format.PDF
                        ? "The PDF has no text layer, and no text could be read from its pages even with OCR: send a PDF with a text layer or a clearer scan."
                        : "The image holds no text that could be read, even with OCR: send a PDF with a text layer, or a clearer scan or photo of the resume.");
    }

    static UnreadableDocumentException tooManyPages(int pages, int limit) {
        return new UnreadableDocumentException(
                Code.TOO_LARGE,
                "The scan has %d pages, more than the %d we read with OCR; send a PDF with a text layer, or only the resume's pages."
                        .formatted(pages, limit));
    }

    static UnreadableDocumentException tooManyPdfPages(int pages, int limit) {
        return new UnreadableDocumentException(
                Code.TOO_LARGE,
                "The PDF has %,d pages, more than the %d we read, far more than a resume; upload the resume on its own."
                        .formatted(pages, limit));
    }

    static UnreadableDocumentException scanTooSlow(long seconds, int page, int pages) {
        return new UnreadableDocumentException(
                Code.TOO_LARGE,
                "The scan took more than %d seconds to read with OCR, so it was stopped at page %d of %d: send a PDF with a text layer, or fewer pages."
                        .formatted(seconds, page, pages));
    }

    static UnreadableDocumentException pageTooSlow(int page, int pages, long seconds) {
        return new UnreadableDocumentException(
                Code.TOO_LARGE,
                "The scan's page %d of %d took more than %d seconds to read with OCR, so it was stopped: send a PDF with a text layer, or a cleaner scan of that page."
                        .formatted(page, pages, seconds));
    }

    static UnreadableDocumentException bomb(Format format, int ratio) {
        return new UnreadableDocumentException(
                Code.DECOMPRESSION_BOMB,
                "The %s unpacks to more than %d times its size, the way a \"zip bomb\" is built, so it was not read. If it is a genuine resume, save it again and upload the new copy."
                        .formatted(label(format), ratio));
    }

    static UnreadableDocumentException corrupt(Format format) {
        return new UnreadableDocumentException(
                Code.CORRUPT,
                "The file could not be read as %s: it seems damaged. Open it, save or export it again, and upload the new copy."
                        .formatted(label(format)));
    }

    static UnreadableDocumentException unrecognisable() {
        return new UnreadableDocumentException(
                Code.CORRUPT,
                "The file could not be recognised: it seems damaged. Open it, save or export it again, and upload the new copy.");
    }

    static UnreadableDocumentException invalidJson(long line, long column) {
        return new UnreadableDocumentException(
                Code.CORRUPT,
                "The file could not be read as JSON Resume: it is not valid JSON (near line %d, column %d). Check it with a JSON validator and upload it again."
                        .formatted(line, column));
    }

    static String uploadAs() {
        return "Upload the resume as " + SUPPORTED + ".";
    }

    static String label(Format format) {
        return switch (format) {
            case PDF -> "PDF";
            case DOCX -> "DOCX";
            case HWP -> "HWP";
            case HTML -> "HTML";
            case MARKDOWN -> "Markdown";
            case TEXT -> "plain text";
            case JSON_RESUME -> "JSON Resume";
            case IMAGE -> "PNG or JPEG";
        };
    }

    static String article(Format format) {
        return switch (format) {
            case PDF -> "a PDF";
            case DOCX -> "a Word document (DOCX)";
            case HWP -> "an HWP document";
            case HTML -> "an HTML page";
            case MARKDOWN -> "a Markdown file";
            case TEXT -> "a plain-text file";
            case JSON_RESUME -> "a JSON Resume";
            case IMAGE -> "a PNG or JPEG image";
        };
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024
                ? String.format(Locale.ROOT, "%d KB", Math.round(bytes / 1024.0))
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
