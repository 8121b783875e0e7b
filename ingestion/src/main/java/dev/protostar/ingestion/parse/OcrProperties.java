package dev.protostar.ingestion.parse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How scans are read (protostar.parse.ocr.*): PDFs without a text layer and PNG or JPEG pictures go through the
 * {@code tesseract} CLI, one page at a time. The values, and why, are in application.yml.
 *
 * @param command the tesseract program (a path, or a name on the PATH)
 * @param languages tesseract's {@code -l}: the models the text may be in
 * @param hangulLanguages the models a page with Hangul is read with a second time, where Korean meets Latin
 *     ({@link PageOcr}); when tesseract lacks them, every page is read once
 * @param hangulSyllables a page whose first read has fewer Hangul syllables than this is not read again
 * @param dpi PDF pages are rendered at this resolution; pictures without one are taken to have it
 * @param pageSegmentation tesseract's {@code --psm}: how it finds the lines of a page
 * @param threads threads one tesseract process may use (OMP_THREAD_LIMIT)
 * @param maxPages a scan with more pages is refused before any is read
 * @param maxPagePixels a larger page is read at a lower resolution, so that one page cannot fill memory
 * @param pageTimeout one page still being read after this is stopped, and the scan refused
 * @param timeout the whole scan still being read after this is stopped, and refused
 * @param minCharacters fewer letters and digits than this, over all pages, is not a resume but noise
 */
@ConfigurationProperties("protostar.parse.ocr")
public record OcrProperties(
        String command,
        String languages,
        String hangulLanguages,
        int hangulSyllables,
        int dpi,
        int pageSegmentation,
        int threads,
        int maxPages,
        long maxPagePixels,
        Duration pageTimeout,
        Duration timeout,
        int minCharacters) {

    public OcrProperties {
        command = command != null && !command.isBlank() ? command : "tesseract";
        languages = languages != null && !languages.isBlank() ? languages : "kor+eng";
        hangulLanguages = hangulLanguages != null && !hangulLanguages.isBlank() ? hangulLanguages : "Hangul";
        hangulSyllables = hangulSyllables > 0 ? hangulSyllables : 20;
        dpi = dpi > 0 ? dpi : 300;
        pageSegmentation = pageSegmentation > 0 ? pageSegmentation : 4;
        threads = threads > 0 ? threads : 1;
        maxPages = maxPages > 0 ? maxPages : 10;
        maxPagePixels = maxPagePixels > 0 ? maxPagePixels : 20_000_000;
        pageTimeout = pageTimeout != null ? pageTimeout : Duration.ofSeconds(30);
        timeout = timeout != null ? timeout : Duration.ofSeconds(120);
        minCharacters = minCharacters > 0 ? minCharacters : 20;
    }

    public static OcrProperties defaults() {
        return new OcrProperties(null, null, null, 0, 0, 0, 0, 0, 0, null, null, 0);
    }
}
