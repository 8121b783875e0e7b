package dev.protostar.ingestion.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.parse.Block;
import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.ParseProperties;
import dev.protostar.ingestion.parse.ParsedDocument;
import dev.protostar.ingestion.parse.TikaDocumentParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Markdown resumes under {@code documents/} against the PDF, two-column PDF and DOCX that
 * {@code loadtest/bin/render-formats} made of them ({@code documents/rendered/}): chunks of a rendered copy sit
 * under the same section paths as the original's, name line included, and read as its text does.
 */
class RenderedFormatsTest {

    private static final TikaDocumentParser PARSER = new TikaDocumentParser(ParseProperties.defaults());
    private static final SectionChunker CHUNKER = new SectionChunker(250, 400);
    private static final List<String> RESUMES = List.of("resume-ko", "resume-en", "resume-ko-long", "resume-en-long");

    static Stream<String> renderings() {
        return RESUMES.stream().flatMap(name -> Stream.of(name + ".pdf", name + "-2col.pdf", name + ".docx"));
    }

    static Stream<String> pdfs() {
        return renderings().filter(name -> name.endsWith(".pdf"));
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void chunks_sit_under_the_section_paths_of_the_markdown_original(String rendering) {
        var original = sections(chunks(markdownOf(rendering)));

        assertThat(sections(chunks("rendered/" + rendering))).isEqualTo(original);
        assertThat(original).allMatch(path -> path.startsWith(title(markdownOf(rendering))));
    }

    @ParameterizedTest
    @MethodSource("pdfs")
    void wrapped_lines_are_joined_without_splitting_a_word_or_leaving_a_wrap_hyphen(String pdf) {
        String text =
                normalized(chunks("rendered/" + pdf).stream().map(Chunk::text).collect(Collectors.joining("\n")));

        for (Block block : parse(markdownOf(pdf)).blocks()) {
            // Text only: a PDF's table cells wrap inside words, and MarkdownBlocks reads a grid table as lines.
            if ((block.kind() == Kind.PARAGRAPH || block.kind() == Kind.LIST_ITEM) && !isGridTable(block)) {
                for (String word : normalized(block.text()).split(" ")) {
                    assertThat(text).as("%s keeps \"%s\" whole", pdf, word).contains(word);
                }
            }
        }
        assertThat(text).doesNotContainPattern("[\\p{L}\\d][-\u2010\u00AD] \\p{L}");
    }

    @ParameterizedTest
    @MethodSource("pdfs")
    void page_numbers_and_running_headers_are_not_text(String pdf) {
        var document = parse("rendered/" + pdf);
        String title = title(markdownOf(pdf));

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
        var document = parse("rendered/" + docx);
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
        for (Chunk chunk : chunks("rendered/" + docx)) {
            chunk.text()
                    .lines()
                    .filter(line -> line.contains(korean ? "주요 성과: " : "Highlights: "))
                    .forEach(line -> assertThat(line).startsWith(company));
        }
    }

    private static boolean isGridTable(Block block) {
        return block.text().startsWith("+") || block.text().startsWith("|");
    }

    private static Set<String> sections(List<Chunk> chunks) {
        return chunks.stream().map(Chunk::section).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Chunk> chunks(String name) {
        return CHUNKER.chunk(parse(name));
    }

    /** The name line: the Markdown original's first heading. */
    private static String title(String markdown) {
        return parse(markdown).blocks().stream()
                .filter(b -> b.kind() == Kind.HEADING)
                .findFirst()
                .orElseThrow()
                .text();
    }

    private static String markdownOf(String rendering) {
        return rendering.replaceAll("(-2col)?\\.(pdf|docx)$", ".md");
    }

    /** Dashes and quotes as typesetters change them: pandoc makes "'" curly, NanumGothic maps "–" to a hyphen. */
    private static String normalized(String text) {
        return text.replaceAll("[–‐\u00AD]", "-").replace('’', '\'');
    }

    private static ParsedDocument parse(String name) {
        try (var in = RenderedFormatsTest.class.getResourceAsStream("/documents/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return PARSER.parse(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError(name + " is not read", e);
        }
    }
}
