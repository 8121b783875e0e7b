package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * Decodes text files (plain text, Markdown, JSON) with Tika's charset detection (HTML meta, juniversalchardet,
 * ICU), and reads what it calls EUC-KR as CP949: Korean Windows has saved "ANSI" text as CP949 for decades, a
 * superset of EUC-KR with the 8,822 syllables EUC-KR lacks ("똠", "햏"), which decoding as EUC-KR would turn
 * into U+FFFD. The same detector is handed to Tika's HTML parser.
 */
final class TextDecoder implements EncodingDetector {

    private static final Charset CP949 = Charset.forName("x-windows-949");

    /** Above this share of control characters or U+FFFD, the bytes are not text in any charset we tried. */
    private static final double MAX_GARBAGE = 0.02;

    private final EncodingDetector detector = new DefaultEncodingDetector();

    @Override
    public Charset detect(InputStream input, Metadata metadata) throws IOException {
        Charset detected = detector.detect(input, metadata);
        return detected != null && detected.name().equalsIgnoreCase("EUC-KR") ? CP949 : detected;
    }

    String decode(byte[] content, String fileName, Format format) throws UnreadableDocumentException {
        var metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        Charset charset;
        try (var in = TikaInputStream.get(content)) {
            charset = detect(in, metadata);
        } catch (IOException e) {
            charset = null;
        }
        String text = new String(content, charset != null ? charset : StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (isGarbage(text)) {
            throw Refusals.mismatch(fileName, format, "binary data, not text");
        }
        return text;
    }

    private static boolean isGarbage(String text) {
        long bad = text.chars()
                .filter(c -> c == '\uFFFD'
                        || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f'))
                .count();
        return bad > text.length() * MAX_GARBAGE;
    }
}
