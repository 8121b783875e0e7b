package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.detect.CompositeDetector;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides what a file is from its bytes, and whether that is what its name claims. The name only breaks ties
 * (Markdown and JSON look like any other text); a {@code .pdf} whose bytes are a PNG is refused as a mismatch,
 * not read as whatever it happens to be.
 */
final class FileTypes {

    static final MediaType HWP = MediaType.application("x-hwp-v5");
    private static final MediaType OOXML_PROTECTED = MediaType.application("x-tika-ooxml-protected");

    private static final Map<String, Format> EXTENSIONS = Map.ofEntries(
            Map.entry("pdf", Format.PDF),
            Map.entry("docx", Format.DOCX),
            Map.entry("hwp", Format.HWP),
            Map.entry("html", Format.HTML),
            Map.entry("htm", Format.HTML),
            Map.entry("xhtml", Format.HTML),
            Map.entry("md", Format.MARKDOWN),
            Map.entry("markdown", Format.MARKDOWN),
            Map.entry("txt", Format.TEXT),
            Map.entry("text", Format.TEXT),
            Map.entry("json", Format.JSON_RESUME),
            Map.entry("png", Format.IMAGE),
            Map.entry("jpg", Format.IMAGE),
            Map.entry("jpeg", Format.IMAGE));

    private static final Map<String, Format> TYPES = Map.of(
            "application/pdf",
            Format.PDF,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Format.DOCX,
            HWP.toString(),
            Format.HWP,
            "text/html",
            Format.HTML,
            "application/xhtml+xml",
            Format.HTML,
            "text/x-web-markdown",
            Format.MARKDOWN,
            "text/plain",
            Format.TEXT,
            "application/json",
            Format.JSON_RESUME,
            // What scanners and phones save: read by OCR.
            "image/png",
            Format.IMAGE,
            "image/jpeg",
            Format.IMAGE);

    private final Detector detector;
    private final MediaTypeRegistry registry = MediaTypeRegistry.getDefaultRegistry();
    private final MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();

    FileTypes() {
        this.detector = new CompositeDetector(registry, List.of(new HwpDetector(), new DefaultDetector()));
    }

    Detector detector() {
        return detector;
    }

    Format detect(String fileName, byte[] content) throws UnreadableDocumentException {
        MediaType byContent = detect(content, null);
        Format claimed = EXTENSIONS.get(extension(fileName));
        if (claimed == null) {
            MediaType named = detect(content, fileName);
            Format actual = TYPES.get(named.getBaseType().toString());
            if (actual == null) {
                throw refuse(named);
            }
            return actual;
        }
        if (byContent.equals(OOXML_PROTECTED)) {
            // Word, Excel and PowerPoint wrap password-protected files in an encrypted container.
            throw claimed == Format.DOCX ? Refusals.encrypted(Format.DOCX) : Refusals.protectedOffice();
        }
        if (isText(claimed)) {
            // Markdown, JSON and plain text are all text to a detector. Unknown bytes may be legacy Korean
            // (EUC-KR/CP949), which detectors do not call text: decoding decides (see TextDecoder).
            if (isTextual(byContent) || byContent.equals(MediaType.OCTET_STREAM)) {
                return claimed;
            }
        } else if (TYPES.get(byContent.getBaseType().toString()) == claimed) {
            return claimed;
        }
        throw Refusals.mismatch(fileName, claimed, describe(byContent));
    }

    private MediaType detect(byte[] content, String fileName) {
        var metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (var in = TikaInputStream.get(content)) {
            return detector.detect(in, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isText(Format format) {
        return format == Format.TEXT
                || format == Format.MARKDOWN
                || format == Format.JSON_RESUME
                || format == Format.HTML;
    }

    private boolean isTextual(MediaType type) {
        return type.getType().equals("text")
                || registry.isInstanceOf(type, MediaType.TEXT_PLAIN)
                || registry.isInstanceOf(type, MediaType.APPLICATION_XML)
                || type.getBaseType().toString().equals("application/json");
    }

    private UnreadableDocumentException refuse(MediaType type) {
        String base = type.getBaseType().toString();
        if (base.equals("application/msword")) {
            return Refusals.unsupported(
                    "an old-format Word document (.doc)", "Save it as DOCX or PDF in Word and upload that.");
        }
        if (base.equals("application/hwp+zip") || base.equals("application/x-hwp")) {
            return Refusals.unsupported(
                    describe(type), "Save it as HWP (Hangul 2002 or later) or PDF in Hangul and upload that.");
        }
        if (type.getType().equals("image")) {
            return Refusals.unsupported(
                    describe(type), "Pictures of a resume are read from PNG and JPEG files. " + Refusals.uploadAs());
        }
        return Refusals.unsupported(describe(type), null);
    }

    /** What a person would call a file of this type, with its article: "a PNG image", "a ZIP archive". */
    String describe(MediaType type) {
        String base = type.getBaseType().toString();
        String subtype = type.getSubtype().toUpperCase(Locale.ROOT);
        return switch (base) {
            case "application/octet-stream" -> "binary data of a kind we do not recognise";
            case "application/zip" -> "a ZIP archive";
            case "application/x-rar-compressed",
                    "application/x-7z-compressed",
                    "application/gzip",
                    "application/x-tar" -> "a compressed archive";
            case "application/x-hwp" -> "an HWP 3 document (older than Hangul 2002)";
            case "application/hwp+zip" -> "an HWPX document";
            case "application/x-tika-msoffice" -> "an older Microsoft Office file";
            case "application/pdf" -> "a PDF";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "a Word document (DOCX)";
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel" ->
                "an Excel spreadsheet";
            case "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    "application/vnd.ms-powerpoint" -> "a PowerPoint presentation";
            case "application/x-msdownload", "application/x-dosexec", "application/x-executable", "application/x-elf" ->
                "a program (executable)";
            case "text/html", "application/xhtml+xml" -> "an HTML page";
            case "text/plain" -> "plain text";
            default -> {
                if (type.getType().equals("image")) {
                    yield "a " + subtype + " image";
                }
                if (type.getType().equals("audio") || type.getType().equals("video")) {
                    yield "a " + type.getType() + " file";
                }
                yield "a file of type " + description(type);
            }
        };
    }

    private String description(MediaType type) {
        try {
            String description = mimeTypes.forName(type.toString()).getDescription();
            return description == null || description.isBlank() ? type.toString() : "\"" + description + "\"";
        } catch (MimeTypeException e) {
            return type.toString();
        }
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
