package dev.protostar.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a page is read a second time, with the real tesseract: a Korean page is, an English page is not, and a
 * machine without the Hangul model reads every page once. Each read leaves its TSV beside the page, named by its
 * models, which tells the reads apart.
 */
class PageOcrTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void a_korean_page_is_read_again_with_the_hangul_model() throws Exception {
        Path page = firstPage("resume-ko-scan.pdf");

        String text = new PageOcr(OcrProperties.defaults(), System::nanoTime).read(page, LIMIT);

        assertThat(dir.resolve("page.pgm.Hangul.tsv")).exists();
        assertThat(PageOcr.syllables(text)).isGreaterThan(100);
    }

    @Test
    void an_english_page_is_read_once() throws Exception {
        Path page = firstPage("resume-en-scan.pdf");

        new PageOcr(OcrProperties.defaults(), System::nanoTime).read(page, LIMIT);

        assertThat(dir.resolve("page.pgm.kor+eng.tsv")).exists();
        assertThat(dir.resolve("page.pgm.Hangul.tsv")).doesNotExist();
    }

    @Test
    void a_page_whose_first_read_took_its_time_keeps_that_read() throws Exception {
        Path page = firstPage("resume-ko-scan.pdf");
        // The clock: 0 s before the first read, 61 s after it, past the page's 60 s.
        var ticks = new ArrayList<>(List.of(0L, TimeUnit.SECONDS.toNanos(61)));

        String text = new PageOcr(OcrProperties.defaults(), ticks::removeFirst).read(page, LIMIT);

        assertThat(text)
                .isEqualTo(new Tesseract(OcrProperties.defaults())
                        .read(page, "kor+eng", LIMIT)
                        .text());
        assertThat(dir.resolve("page.pgm.Hangul.tsv")).doesNotExist();
    }

    @Test
    void without_the_hangul_model_a_korean_page_is_read_once_as_before() throws Exception {
        Path page = firstPage("resume-ko-scan.pdf");
        var missing = new OcrProperties(null, null, "NoSuchScript", 0, 0, 0, 0, 0, 0, null, null, 0);

        String text = new PageOcr(missing, System::nanoTime).read(page, LIMIT);

        assertThat(text)
                .isEqualTo(new Tesseract(missing).read(page, "kor+eng", LIMIT).text());
        assertThat(dir.resolve("page.pgm.NoSuchScript.tsv")).doesNotExist();
    }

    private Path firstPage(String scan) throws Exception {
        Path page = dir.resolve("page.pgm");
        try (var pages = ScanPages.open(Format.PDF, Documents.bytes(scan), OcrProperties.defaults())) {
            ScanPages.writePgm(pages.page(0), page);
        }
        return page;
    }
}
