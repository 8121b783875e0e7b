package dev.protostar.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.parse.PdfColumns.Column;
import dev.protostar.ingestion.parse.PdfColumns.Placed;
import dev.protostar.ingestion.parse.PdfGlyphs.Glyph;
import dev.protostar.ingestion.parse.PdfLines.Line;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout rules on pages drawn here, glyph by glyph: 10 pt text, each character 6 pt wide. */
class PdfLayoutTest {

    private static final float SIZE = 10;
    private static final float WIDTH = 6;

    @Test
    void reads_two_columns_one_after_the_other() {
        var glyphs = new ArrayList<Glyph>();
        for (int i = 0; i < 6; i++) {
            glyphs.addAll(text("left column line " + i + " runs to here", 50, 100 + 15 * i));
            glyphs.addAll(text("right column line " + i + " too", 270, 100 + 15 * i));
        }

        var placed = PdfColumns.order(PdfLines.of(1, glyphs), SIZE);

        assertThat(placed).extracting(p -> p.line().text()).startsWith("left column line 0 runs to here");
        assertThat(placed.get(6).line().text()).isEqualTo("right column line 0 too");
        assertThat(placed).extracting(Placed::column).containsOnly(Column.LEFT, Column.RIGHT);
    }

    @Test
    void reads_a_table_row_by_row() {
        var glyphs = new ArrayList<Glyph>();
        for (int i = 0; i < 6; i++) {
            glyphs.addAll(text("Company " + i, 50, 100 + 15 * i));
            glyphs.addAll(text("2020", 200, 100 + 15 * i));
            glyphs.addAll(text("Engineer", 300, 100 + 15 * i));
        }

        var placed = PdfColumns.order(PdfLines.of(1, glyphs), SIZE);

        assertThat(placed).hasSize(6).extracting(Placed::column).containsOnly(Column.FULL);
        assertThat(placed.getFirst().line().segments()).hasSize(3);
    }

    @Test
    void keeps_a_table_row_whose_cells_wrap_together_and_labels_it_with_the_bold_header() {
        var glyphs = new ArrayList<Glyph>();
        glyphs.addAll(text("Company", 50, 100, true));
        glyphs.addAll(text("Period", 150, 100, true));
        glyphs.addAll(text("Role", 250, 100, true));
        glyphs.addAll(text("Bluefin", 50, 120));
        glyphs.addAll(text("2020.01 -", 150, 120));
        glyphs.addAll(text("Lead", 250, 120));
        glyphs.addAll(text("Payments", 50, 132));
        glyphs.addAll(text("present", 150, 132));
        glyphs.addAll(text("Harbor", 50, 152));
        glyphs.addAll(text("2017.03", 150, 152));
        glyphs.addAll(text("Backend", 250, 152));
        glyphs.addAll(text("Messaging", 50, 164));
        glyphs.addAll(text("Engineer", 250, 164));
        glyphs.addAll(text("Text after the table, wider than a cell", 40, 190));

        var blocks = PdfBlocks.of(PdfColumns.order(PdfLines.of(1, glyphs), SIZE), SIZE);

        assertThat(blocks)
                .extracting(Block::text)
                .containsExactly(
                        "Company: Bluefin Payments | Period: 2020.01 - present | Role: Lead",
                        "Company: Harbor Messaging | Period: 2017.03 | Role: Backend Engineer",
                        "Text after the table, wider than a cell");
    }

    @Test
    void drops_page_numbers_and_a_header_repeated_on_every_page() {
        List<List<Line>> pages = new ArrayList<>();
        for (int page = 1; page <= 2; page++) {
            var glyphs = new ArrayList<Glyph>();
            glyphs.addAll(text("Kim Seoyeon - Resume", 400, 30));
            glyphs.addAll(text("Body text on page " + page, 50, 300));
            glyphs.addAll(text(page + " / 2", 290, 820));
            pages.add(PdfLines.of(page, glyphs));
        }

        var kept = RunningText.drop(pages, List.of(842f, 842f));

        assertThat(kept.get(0)).extracting(Line::text).containsExactly("Body text on page 1");
        assertThat(kept.get(1)).extracting(Line::text).containsExactly("Body text on page 2");
    }

    /** A line of glyphs; spaces are gaps, as PDFs draw them. */
    private static List<Glyph> text(String text, float x, float baseline) {
        return text(text, x, baseline, false);
    }

    private static List<Glyph> text(String text, float x, float baseline, boolean bold) {
        var glyphs = new ArrayList<Glyph>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != ' ') {
                float left = x + i * WIDTH;
                glyphs.add(new Glyph(String.valueOf(text.charAt(i)), left, left + WIDTH - 0.5f, baseline, SIZE, bold));
            }
        }
        return glyphs;
    }
}
