package dev.protostar.ingestion.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.parse.Block;
import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.ParseProperties;
import dev.protostar.ingestion.parse.ParsedDocument;
import dev.protostar.ingestion.parse.TikaDocumentParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Markdown resumes against the PDF, two-column PDF and DOCX that {@code loadtest/bin/render-formats} made of
 * them: chunks of a rendered copy sit under the same section paths as the original's, name line included, and
 * read as its text does. The resumes are the test's own ({@code documents/}, rendered into
 * {@code documents/rendered/}) and the evaluation's candidates ({@code loadtest/.../eval/candidates/<id>/}), whose
 * layouts — tables in a narrow column, periods with dashes, short list lines — the test's own do not all have.
 */
class RenderedFormatsTest {

    private static final TikaDocumentParser PARSER = new TikaDocumentParser(ParseProperties.defaults());
    private static final SectionChunker CHUNKER = new SectionChunker(250, 400);
    private static final Path DOCUMENTS = Path.of("src/test/resources/documents");
    /** Relative to the module directory, where Maven runs the tests. */
    private static final Path CANDIDATES = Path.of("../loadtest/src/main/resources/eval/candidates");

    private static final List<String> RESUMES = List.of("resume-ko", "resume-en", "resume-ko-long", "resume-en-long");
    private static final List<String> CANDIDATE_IDS =
            List.of("nadia-petrova", "kang-dohyun", "yoon-daeun", "oh-serin", "baek-minseok", "rachel-whitford");

    /** A rendered copy of a Markdown resume; named by its path for the test report. */
    record Rendering(Path markdown, Path file) {

        boolean isPdf() {
            return file.toString().endsWith(".pdf");
        }

        @Override
        public String toString() {
            return file.getParent().getFileName() + "/" + file.getFileName();
        }
    }

    static Stream<Rendering> renderings() {
        var own = RESUMES.stream().flatMap(name -> Stream.of(name + ".pdf", name + "-2col.pdf", name + ".docx")
                .map(file -> new Rendering(DOCUMENTS.resolve(name + ".md"), DOCUMENTS.resolve("rendered/" + file))));
        var candidates = CANDIDATE_IDS.stream().map(CANDIDATES::resolve).flatMap(dir -> Stream.of(
                        "resume.pdf", "resume-2col.pdf", "resume.docx")
                .map(file -> new Rendering(existing(dir).resolve("resume.md"), dir.resolve(file))));
        return Stream.concat(own, candidates);
    }

    static Stream<Rendering> pdfs() {
        return renderings().filter(Rendering::isPdf);
    }

    /**
     * Left out: kang-dohyun/resume-2col.pdf, where two lines break between a Korean word and the parenthesis that
     * follows it with no space ("마루" / "(MARU)”", "검사" / "(Great"); the layout cannot tell that from a break at
     * a space, which the same résumé has more often ("주도 (테이블"), so they read "마루 (MARU)" and "검사 (Great".
     */
    static Stream<Rendering> pdfsWithWholeWords() {
        return pdfs().filter(pdf -> !pdf.toString().equals("kang-dohyun/resume-2col.pdf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void chunks_sit_under_the_section_paths_of_the_markdown_original(Rendering rendering) {
        var original = sections(chunks(rendering.markdown()));

        assertThat(sections(chunks(rendering.file()))).isEqualTo(original);
        assertThat(original).allMatch(path -> path.startsWith(title(rendering.markdown())));
    }

    /**
     * A two-column page whose right column holds tables, one of them running on into the next page's left column,
     * and a bold line wrapped in the narrow column ("… (파트 리드) |" before its dates): read column by column, the
     * chunks sit where the Markdown original's do. (The other tests leave this résumé out: cells of its narrow
     * tables wrap inside words, which the table-row reading does not join yet.)
     */
    @org.junit.jupiter.api.Test
    void a_two_column_page_with_tables_in_one_column_is_read_column_by_column() {
        Path dir = existing(CANDIDATES.resolve("jung-wooseok"));
        var original = sections(chunks(dir.resolve("resume.md")));

        assertThat(sections(chunks(dir.resolve("resume-2col.pdf")))).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pdfsWithWholeWords")
    void wrapped_lines_are_joined_without_splitting_a_word_or_leaving_a_wrap_hyphen(Rendering pdf) {
        String text = normalized(chunks(pdf.file()).stream().map(Chunk::text).collect(Collectors.joining("\n")));

        for (Block block : parse(pdf.markdown()).blocks()) {
            // Text only: a PDF's table cells wrap inside words, and MarkdownBlocks reads a grid table as lines.
            if ((block.kind() == Kind.PARAGRAPH || block.kind() == Kind.LIST_ITEM) && !isGridTable(block)) {
                for (String word : normalized(block.text()).split(" ")) {
                    if (word.codePoints().allMatch(Character::isEmojiPresentation)) {
                        continue; // Chromium draws "📧" from a colour font that maps it to no text
                    }
                    assertThat(text).as("%s keeps \"%s\" whole", pdf, word).contains(word);
                }
            }
        }
        assertThat(text).doesNotContainPattern("[\\p{L}\\d][-\u2010\u00AD] \\p{L}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pdfs")
    void page_numbers_and_running_headers_are_not_text(Rendering pdf) {
        var document = parse(pdf.file());
        String title = title(pdf.markdown());

        assertThat(document.blocks()).noneMatch(b -> b.text().matches(".*\\b\\d+ / \\d+\\b.*"));
        assertThat(document.blocks())
                .filteredOn(b -> b.text().contains(title))
                .singleElement()
                .satisfies(b -> assertThat(b.kind()).isEqualTo(Kind.HEADING))
                .satisfies(b -> assertThat(b.level()).isEqualTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"resume-ko-long.docx", "resume-en-long.docx"})
    void every_line_of_a_word_table_row_names_its_company_under_the_header_labels(String docx) {
        var document = parse(DOCUMENTS.resolve("rendered/" + docx));
        boolean korean = docx.contains("-ko");
        String company = korean ? "회사: " : "Company: ";

        List<String> experience = document.blocks().stream()
                .filter(b -> b.kind() == Kind.TABLE_ROW && b.text().startsWith(company))
                .map(Block::text)
                .toList();
        assertThat(experience)
                .hasSize(6)
                .allMatch(line -> line.matches(
                        korean
                                ? "회사: (한빛페이|누리소프트) \\| (기간|주요 성과): .*"
                                : "Company: (Bluefin Payments|Harbor Messaging) \\| (Period|Highlights): .*"));
        assertThat(experience)
                .contains(
                        korean
                                ? "회사: 한빛페이 | 기간: 2021.03 – 현재 | 직무: 리드 개발자"
                                : "Company: Bluefin Payments | Period: 2020.01 – present | Role: Lead Backend Engineer",
                        korean
                                ? "회사: 한빛페이 | 주요 성과: 결제 승인 초당 12,000건"
                                : "Company: Bluefin Payments | Highlights: 9,500 transactions per second");
        for (Chunk chunk : chunks(DOCUMENTS.resolve("rendered/" + docx))) {
            chunk.text()
                    .lines()
                    .filter(line -> line.contains(korean ? "주요 성과: " : "Highlights: "))
                    .forEach(line -> assertThat(line).startsWith(company));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"resume-ko-long.pdf", "resume-ko-long-2col.pdf", "resume-en-long.pdf", "resume-en-long-2col.pdf"
            })
    void every_line_of_a_pdf_table_row_names_its_company_under_the_header_labels(String pdf) {
        var document = parse(DOCUMENTS.resolve("rendered/" + pdf));
        boolean korean = pdf.contains("-ko");
        String company = korean ? "회사: " : "Company: ";
        String highlights = korean ? "주요 성과: " : "Highlights: ";

        List<String> rows = document.blocks().stream()
                .filter(b -> b.kind() == Kind.TABLE_ROW)
                .map(Block::text)
                .toList();
        assertThat(rows)
                .anyMatch(
                        row -> row.startsWith(
                                korean
                                        ? "회사: 한빛페이 | 기간: 2021.03 – 현재 | 직무: 리드 개발자"
                                        : "Company: Bluefin Payments | Period: 2020.01 – present | Role: Lead Backend Engineer"))
                .anyMatch(row -> row.startsWith(
                        korean
                                ? "회사: 누리소프트 | 기간: 2016.01 – 2021.02 | 직무: 개발자"
                                : "Company: Harbor Messaging | Period: 2017.03 – 2019.12 | Role: Backend Engineer"))
                .contains(
                        korean
                                ? "회사: 한빛페이 | 주요 성과: 결제 승인 초당 12,000건"
                                : "Company: Bluefin Payments | Highlights: Settlement 83 min → 4 min")
                .filteredOn(row -> row.contains(highlights))
                .hasSize(4)
                .allMatch(row -> row.startsWith(company));
        for (Chunk chunk : chunks(DOCUMENTS.resolve("rendered/" + pdf))) {
            chunk.text().lines().filter(line -> line.contains(highlights)).forEach(line -> assertThat(line)
                    .startsWith(company));
        }
    }

    /**
     * Left out: kang-dohyun/resume-2col.pdf, whose header cell "팀 규모" is set one syllable a line in its narrow
     * column and reads "팀규모" (a browser breaks Korean anywhere; nothing in the layout says there was a space).
     */
    static Stream<Rendering> candidatePdfsWithTables() {
        return pdfs().filter(pdf ->
                        !pdf.markdown().startsWith(DOCUMENTS) && !pdf.toString().equals("kang-dohyun/resume-2col.pdf"))
                .filter(pdf ->
                        !tableRows(pdf.file().resolveSibling("resume.docx")).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("candidatePdfsWithTables")
    void a_pdf_table_row_reads_as_the_word_copys_with_its_cells_whole_and_labelled(Rendering pdf) {
        assertThat(tableRows(pdf.file()))
                .containsExactlyElementsOf(tableRows(pdf.file().resolveSibling("resume.docx")));
    }

    /**
     * Left out: yoon-daeun's PDFs, whose contact line starts with "📧", drawn as a small shape that reads as a
     * bullet: the line is an item there and a paragraph in the Word copy.
     */
    static Stream<Rendering> candidatePdfsWithWordStructure() {
        return pdfs().filter(pdf ->
                !pdf.markdown().startsWith(DOCUMENTS) && !pdf.toString().startsWith("yoon-daeun/"));
    }

    /** Markers a browser draws as shapes, and short items one below the other, keep the items apart. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("candidatePdfsWithWordStructure")
    void a_pdf_has_the_headings_paragraphs_and_list_items_of_the_word_copy(Rendering pdf) {
        assertThat(structure(pdf.file())).isEqualTo(structure(pdf.file().resolveSibling("resume.docx")));
    }

    private static List<String> structure(Path file) {
        return parse(file).blocks().stream()
                .map(b -> b.kind() + " " + b.level())
                .toList();
    }

    private static List<String> tableRows(Path file) {
        return parse(file).blocks().stream()
                .filter(b -> b.kind() == Kind.TABLE_ROW)
                .map(b -> normalized(b.text()))
                .toList();
    }

    private static boolean isGridTable(Block block) {
        return block.text().startsWith("+") || block.text().startsWith("|");
    }

    private static Set<String> sections(List<Chunk> chunks) {
        return chunks.stream().map(chunk -> quotes(chunk.section())).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A section's name as typed: pandoc makes "'" curly in a rendered heading. */
    private static String quotes(String text) {
        return text.replaceAll("[‘’]", "'").replaceAll("[“”]", "\"");
    }

    private static List<Chunk> chunks(Path name) {
        return CHUNKER.chunk(parse(name));
    }

    /** The name line: the Markdown original's first heading. */
    private static String title(Path markdown) {
        return parse(markdown).blocks().stream()
                .filter(b -> b.kind() == Kind.HEADING)
                .findFirst()
                .orElseThrow()
                .text();
    }

    /** A candidate's folder that is not there is a broken checkout, not a case to skip. */
    private static Path existing(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    "no candidate folder " + dir.toAbsolutePath().normalize());
        }
        return dir;
    }

    /** Dashes and quotes as typesetters change them: pandoc makes quotes curly, NanumGothic maps "–" to a hyphen. */
    private static String normalized(String text) {
        return quotes(text).replaceAll("[–‐\u00AD]", "-");
    }

    private static ParsedDocument parse(Path file) {
        try {
            return PARSER.parse(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError(file + " is not read", e);
        }
    }
}
