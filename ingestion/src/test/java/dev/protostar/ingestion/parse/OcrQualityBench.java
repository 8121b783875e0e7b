package dev.protostar.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How much of a resume survives its scan: each scan OCR'd as ingestion reads it, scored against its original
 * ({@link OcrScore}), with the seconds a page took. The evaluation's candidates are compared with their Markdown;
 * the test fixtures, which were scanned from their text PDFs, with what the parser reads from those PDFs (the
 * pictures hold page 1 only, so only page 1 counts). Not a test: it prints a table for
 * docs/benchmarks/ocr-quality.md, and only runs when asked.
 *
 * <pre>
 * ./mvnw -B -o -pl ingestion test -Dtest=OcrQualityBench -Dprotostar.ocr.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * {@code -Dbench.repeat=3} reads every scan three times and gives the median seconds per page;
 * {@code -Dbench.dpi}, {@code -Dbench.psm}, {@code -Dbench.languages} and {@code -Dbench.hangul-languages} try
 * other OCR settings ({@code -Dbench.hangul-syllables=1000000} reads every page once, as before the second read).
 * What was read, and what of the original was lost, is written under {@code target/ocr-bench/}.
 */
@EnabledIfSystemProperty(named = "protostar.ocr.bench", matches = "true")
class OcrQualityBench {

    private static final Path CANDIDATES = Path.of("../loadtest/src/main/resources/eval/candidates");
    private static final List<String> CANDIDATE_IDS =
            List.of("nadia-petrova", "kang-dohyun", "yoon-daeun", "oh-serin", "baek-minseok", "rachel-whitford");
    private static final Path OUT = Path.of("target/ocr-bench");

    private record Scan(String name, Format format, byte[] content, List<Block> original) {}

    private record Row(String name, int pages, OcrScore score, double secondsPerPage) {}

    @Test
    void prints_what_survives_each_scan() throws Exception {
        OcrProperties defaults = OcrProperties.defaults();
        var properties = new OcrProperties(
                defaults.command(),
                System.getProperty("bench.languages", defaults.languages()),
                System.getProperty("bench.hangul-languages", defaults.hangulLanguages()),
                Integer.getInteger("bench.hangul-syllables", defaults.hangulSyllables()),
                Integer.getInteger("bench.dpi", defaults.dpi()),
                Integer.getInteger("bench.psm", defaults.pageSegmentation()),
                defaults.threads(),
                defaults.maxPages(),
                defaults.maxPagePixels(),
                defaults.pageTimeout(),
                defaults.timeout(),
                defaults.minCharacters());
        int repeat = Integer.getInteger("bench.repeat", 1);
        var reader = new OcrReader(properties);
        Files.createDirectories(OUT);

        var candidates = new ArrayList<Row>();
        for (Scan scan : candidates()) {
            candidates.add(read(reader, scan, repeat));
        }
        var fixtures = new ArrayList<Row>();
        for (Scan scan : fixtures()) {
            fixtures.add(read(reader, scan, repeat));
        }

        var table = new StringBuilder();
        table.append("OCR: -l %s, again with -l %s from %d Hangul syllables, --psm %d, %d dpi;"
                + " %d run(s) each, median s/page%n%n"
                        .formatted(
                                properties.languages(),
                                properties.hangulLanguages(),
                                properties.hangulSyllables(),
                                properties.pageSegmentation(),
                                properties.dpi(),
                                repeat));
        table.append("| scan | pages | words | figures | headings | extra headings | s/page |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|\n");
        candidates.forEach(r -> table.append(line(r)));
        table.append(line(total("**six candidates**", candidates)));
        fixtures.forEach(r -> table.append(line(r)));
        System.out.println(table);
        Files.writeString(OUT.resolve("table.md"), table);
        assertThat(candidates).isNotEmpty();
    }

    private static Row read(OcrReader reader, Scan scan, int repeat) throws Exception {
        var pages = new int[1];
        double[] seconds = new double[repeat];
        List<Block> read = List.of();
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            read = reader.read(scan.format(), scan.content(), (done, total) -> pages[0] = total);
            seconds[i] = (System.nanoTime() - start) / 1e9 / pages[0];
        }
        Arrays.sort(seconds);
        OcrScore score = OcrScore.of(scan.original(), read);
        Files.writeString(OUT.resolve(scan.name() + ".txt"), dump(read) + "\n\n--- lost ---\n" + lost(scan, read));
        return new Row(scan.name(), pages[0], score, seconds[repeat / 2]);
    }

    private static List<Scan> candidates() throws Exception {
        var scans = new ArrayList<Scan>();
        for (String id : CANDIDATE_IDS) {
            Path dir = CANDIDATES.resolve(id);
            var original = MarkdownBlocks.parse(Files.readString(dir.resolve("resume.md")))
                    .blocks();
            scans.add(new Scan(id, Format.PDF, Files.readAllBytes(dir.resolve("resume-scan.pdf")), original));
        }
        return scans;
    }

    private static List<Scan> fixtures() throws Exception {
        List<Block> ko = Documents.parse("resume-ko.pdf").blocks();
        List<Block> en = Documents.parse("resume-en.pdf").blocks();
        return List.of(
                new Scan("fixture resume-ko-scan.pdf", Format.PDF, Documents.bytes("resume-ko-scan.pdf"), ko),
                new Scan("fixture resume-en-scan.pdf", Format.PDF, Documents.bytes("resume-en-scan.pdf"), en),
                new Scan("fixture resume-ko-scan.png", Format.IMAGE, Documents.bytes("resume-ko-scan.png"), page1(ko)),
                new Scan("fixture resume-en-scan.jpg", Format.IMAGE, Documents.bytes("resume-en-scan.jpg"), page1(en)));
    }

    private static List<Block> page1(List<Block> blocks) {
        return blocks.stream().filter(b -> b.page() == 1).toList();
    }

    private static Row total(String name, List<Row> rows) {
        OcrScore sum = rows.stream().map(Row::score).reduce(OcrScore::plus).orElseThrow();
        int pages = rows.stream().mapToInt(Row::pages).sum();
        double seconds =
                rows.stream().mapToDouble(r -> r.secondsPerPage() * r.pages()).sum() / pages;
        return new Row(name, pages, sum, seconds);
    }

    private static String line(Row r) {
        return "| %s | %d | %s | %s | %s | %d | %.1f |%n"
                .formatted(
                        r.name(),
                        r.pages(),
                        share(r.score().words()),
                        share(r.score().figures()),
                        share(r.score().headings()),
                        r.score().extraHeadings(),
                        r.secondsPerPage());
    }

    private static String share(OcrScore.Share s) {
        return "%.3f (%d/%d)".formatted(s.ratio(), s.found(), s.of());
    }

    private static String dump(List<Block> blocks) {
        var out = new StringBuilder();
        for (Block b : blocks) {
            out.append(b.kind() == Kind.HEADING ? "#".repeat(b.level()) + " " : b.kind() == Kind.LIST_ITEM ? "- " : "")
                    .append(b.text())
                    .append('\n');
        }
        return out.toString();
    }

    /** The original's words, figures and headings the scan's text lacks: what to improve next. */
    private static String lost(Scan scan, List<Block> read) {
        String original =
                String.join("\n", scan.original().stream().map(Block::text).toList());
        String got = String.join("\n", read.stream().map(Block::text).toList());
        var out = new StringBuilder();
        out.append("words: ")
                .append(missing(OcrScore.words(original), OcrScore.words(got)))
                .append('\n');
        out.append("figures: ")
                .append(missing(OcrScore.figures(original), OcrScore.figures(got)))
                .append('\n');
        List<String> wanted = scan.original().stream()
                .filter(b -> b.kind() == Kind.HEADING)
                .map(Block::text)
                .toList();
        List<String> headings = read.stream()
                .filter(b -> b.kind() == Kind.HEADING)
                .map(Block::text)
                .toList();
        out.append("headings wanted: ").append(wanted).append('\n');
        out.append("headings read: ").append(headings).append('\n');
        return out.toString();
    }

    private static List<String> missing(List<String> wanted, List<String> got) {
        Map<String, Integer> left = new HashMap<>();
        got.forEach(g -> left.merge(g, 1, Integer::sum));
        var missing = new ArrayList<String>();
        for (String w : wanted) {
            if (left.getOrDefault(w, 0) > 0) {
                left.merge(w, -1, Integer::sum);
            } else {
                missing.add(w);
            }
        }
        return missing;
    }
}
