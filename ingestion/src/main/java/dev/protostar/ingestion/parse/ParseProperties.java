package dev.protostar.ingestion.parse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on reading one document (protostar.parse.*). Each guards against a file built to hurt the reader; the
 * values, and why, are in application.yml.
 *
 * @param maxFileSize larger files are refused before anything reads them
 * @param maxCharacters text extracted beyond this is refused, not truncated: a partial resume would mislead
 * @param timeout a parse still running after this is abandoned
 * @param maxInflationRatio an archive member (DOCX part, HWP stream) inflating more than this many times its
 *     compressed size is a decompression bomb
 * @param maxInflatedSize all members of one archive together, inflated (a PDF's streams too)
 * @param maxPdfPages a PDF with more pages is refused before its text is read
 */
@ConfigurationProperties("protostar.parse")
public record ParseProperties(
        DataSize maxFileSize,
        int maxCharacters,
        Duration timeout,
        int maxInflationRatio,
        DataSize maxInflatedSize,
        int maxPdfPages) {

    public ParseProperties {
        maxFileSize = maxFileSize != null ? maxFileSize : DataSize.ofMegabytes(20);
        maxCharacters = maxCharacters > 0 ? maxCharacters : 2_000_000;
        timeout = timeout != null ? timeout : Duration.ofSeconds(60);
        maxInflationRatio = maxInflationRatio > 0 ? maxInflationRatio : 100;
        maxInflatedSize = maxInflatedSize != null ? maxInflatedSize : DataSize.ofMegabytes(200);
        maxPdfPages = maxPdfPages > 0 ? maxPdfPages : 100;
    }

    public static ParseProperties defaults() {
        return new ParseProperties(null, 0, null, 0, null, 0);
    }
}
