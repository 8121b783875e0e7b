package dev.protostar.ingestion.parse;

import static dev.protostar.ingestion.parse.Documents.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.parse.PdfLines.Line;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;

/**
 * The rendered fixtures hold what the layout tests ({@code chunk.RenderedFormatsTest}) are about — lines broken
 * inside Korean words and after hyphens, a header on every page — so that those tests cannot pass by having
 * nothing to do after the fixtures are made again.
 */
class RenderedFixturesTest {

    @Test
    void chromium_broke_korean_lines_inside_words() throws Exception {
        String markdown = new String(bytes("resume-ko-long.md"), StandardCharsets.UTF_8);
        var lines = lines("rendered/resume-ko-long.pdf");

        long inside = 0;
        for (int i = 1; i < lines.size(); i++) {
            String above = lines.get(i - 1).text();
            String below = lines.get(i).text();
            String tail = above.substring(above.lastIndexOf(' ') + 1);
            String head = below.split(" ")[0];
            if (LineJoins.isHangul(tail.charAt(tail.length() - 1))
                    && LineJoins.isHangul(head.charAt(0))
                    && markdown.contains(" " + tail + head + " ")) {
                inside++;
            }
        }
        assertThat(inside).isGreaterThanOrEqualTo(5);
    }

    @Test
    void chromium_broke_english_lines_after_hyphens() throws Exception {
        var lines = lines("rendered/resume-en-long-2col.pdf");

        assertThat(lines).extracting(Line::text).anyMatch(text -> text.endsWith("66M-"));
        assertThat(lines).extracting(Line::text).anyMatch(text -> text.matches(".*\\p{L}-"));
    }

    @Test
    void every_page_carries_the_name_and_its_number_in_the_margins() throws Exception {
        var lines = lines("rendered/resume-ko-long.pdf");

        assertThat(lines).filteredOn(l -> l.text().equals("김서연 경력기술서")).hasSize(3);
        assertThat(lines).extracting(Line::text).contains("1 / 2", "2 / 2");
    }

    private static List<Line> lines(String name) throws Exception {
        try (var document = Loader.loadPDF(bytes(name))) {
            var lines = new ArrayList<Line>();
            for (var page : PdfGlyphs.read(document, Integer.MAX_VALUE)) {
                lines.addAll(PdfLines.of(page.number(), page.glyphs()));
            }
            return lines;
        }
    }
}
