package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.Block.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the block structure of Markdown, line by line: ATX ({@code ## Experience}) and setext (underlined)
 * headings, paragraphs, list items (indentation gives the level), GitHub tables (one row per block, the
 * header row's cells labelling the others as in a Word table: "기간: 2021.09 ~ 현재"), fenced code as paragraphs, block quotes as their text, YAML front matter skipped
 * (its {@code title:} kept). Inline markup is reduced to its text: emphasis marks dropped, links and images
 * replaced by their words.
 *
 * <p>Not a full CommonMark parser — resumes do not need lazy continuations or HTML blocks — and small enough
 * to read in one sitting.
 */
final class MarkdownBlocks {

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
    private static final Pattern BREAK = Pattern.compile("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)(?:[-*+]|\\d{1,9}[.)])\\s+(.*)$");
    private static final Pattern NUMBERED_SECTION = Pattern.compile("^ {0,3}\\d{1,2}[.)]\\s+(.{1,30}?)\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```+|~~~+).*$");
    private static final Pattern DELIMITER_ROW =
            Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");
    private static final Pattern QUOTE = Pattern.compile("^ {0,3}>\\s?");
    private static final Pattern FRONT_MATTER_TITLE = Pattern.compile("^title:\\s*[\"']?(.*?)[\"']?\\s*$");

    /** A line led by bold text: {@code **Work history**}, {@code **Kestrel Mobility GmbH** | Berlin | 2022 – Present}. */
    private static final Pattern BOLD_LEAD = Pattern.compile("^(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1(.*)$");

    private final List<Block> blocks = new ArrayList<>();
    private final List<String> paragraph = new ArrayList<>();
    private StringBuilder item;
    private int itemLevel;
    private boolean inTable;
    /** The header row's cells of the table being read, empty when it has none. */
    private List<String> labels = List.of();

    private String title;

    /** The level of the last heading written with {@code #} or underlined, 0 before any. */
    private int markedLevel;

    /** The level of numbered section lines ("1. 경력사항"), fixed by the first; 0 before one. */
    private int numberedLevel;

    /** The level of the last heading made of a bold line, 0 when a marked heading came after it. */
    private int boldLevel;

    /** Whether that bold heading was itself an entry ("**모노크롬스튜디오 | … | 2019.07 ~ 2022.03**"), not a section. */
    private boolean boldIsEntry;

    /** Whether a heading was written as one: with {@code #}, underlined, numbered or in bold. */
    private boolean marked;

    /**
     * Reading a file that marks no heading: paragraphs keep their lines for {@link HeadingHeuristic}, which
     * finds the headings in the words, as it does in plain text.
     */
    private final boolean plain;

    private MarkdownBlocks(boolean plain) {
        this.plain = plain;
    }

    record Result(String title, List<Block> blocks) {}

    /**
     * The blocks of a Markdown file. One that marks no heading at all — a résumé typed as text and saved as
     * {@code .md}, with {@code ■ 경력 요약} and {@code [회사] 기간 / 직무} lines — has its headings found in its
     * words by {@link HeadingHeuristic}, keeping what Markdown does mark (lists, tables, inline markup).
     */
    static Result parse(String markdown) {
        List<String> lines = markdown.lines().toList();
        var reader = new MarkdownBlocks(false);
        reader.read(lines);
        if (reader.marked) {
            return new Result(reader.title, reader.blocks);
        }
        var plain = new MarkdownBlocks(true);
        plain.read(lines);
        return new Result(plain.title, HeadingHeuristic.apply(plain.blocks));
    }

    private void read(List<String> lines) {
        int i = frontMatter(lines);
        for (; i < lines.size(); i++) {
            String line = QUOTE.matcher(lines.get(i)).replaceFirst("");
            Matcher m;
            if ((m = FENCE.matcher(line)).matches()) {
                i = fenced(lines, i, m.group(1));
            } else if (line.isBlank()) {
                flush();
                inTable = false;
            } else if ((m = ATX.matcher(line)).matches()) {
                flush();
                add(Kind.HEADING, m.group(1).length(), m.group(2) == null ? "" : m.group(2));
                markedLevel = m.group(1).length();
                marked = true;
                boldLevel = 0;
            } else if (!paragraph.isEmpty() && (m = SETEXT.matcher(line)).matches()) {
                String text = String.join(" ", paragraph);
                paragraph.clear();
                add(Kind.HEADING, m.group(1).startsWith("=") ? 1 : 2, text);
                markedLevel = m.group(1).startsWith("=") ? 1 : 2;
                boldLevel = 0;
                marked = true;
            } else if (BREAK.matcher(line).matches()) {
                flush();
            } else if (isTableRow(line, i + 1 < lines.size() ? lines.get(i + 1) : "")) {
                flush();
                if (!inTable) {
                    labels = List.of();
                }
                inTable = true;
                if (DELIMITER_ROW.matcher(line).matches()) {
                    continue;
                }
                List<String> cells = cells(line);
                if (i + 1 < lines.size()
                        && DELIMITER_ROW.matcher(lines.get(i + 1)).matches()
                        && cells.size() > 1) {
                    // the header row: its cells label the others, as in a Word or HTML table
                    labels = cells;
                    if (i + 2 >= lines.size() || !isTableRow(lines.get(i + 2), "")) {
                        add(Kind.TABLE_ROW, 0, String.join(" | ", cells)); // a table that is only its header
                    }
                    continue;
                }
                for (String written : TableRows.lines(
                        labels,
                        cells.stream()
                                .map(c -> c.isEmpty() ? List.<String>of() : List.of(c))
                                .toList())) {
                    add(Kind.TABLE_ROW, 0, written);
                }
            } else if ((m = ITEM.matcher(line)).matches()
                    && isNumberedSection(line, i + 1 < lines.size() ? lines.get(i + 1) : "")) {
                // "1. 경력사항" alone above a blank line: the résumé's numbered section, not a list of one
                flush();
                if (numberedLevel == 0) {
                    numberedLevel = Math.min(markedLevel + 1, 6);
                }
                add(Kind.HEADING, numberedLevel, m.group(2));
                markedLevel = numberedLevel;
                marked = true;
                boldLevel = 0;
            } else if ((m = ITEM.matcher(line)).matches()) {
                flush();
                item = new StringBuilder(m.group(2));
                itemLevel = Math.min(m.group(1).replace("\t", "    ").length() / 2 + 1, 6);
            } else if (item != null) {
                item.append(' ').append(line.strip());
            } else {
                // Text without headings keeps its lines' indentation: a line indented under a bullet continues it.
                paragraph.add(plain ? line.stripTrailing() : line.strip());
            }
        }
        flush();
    }

    /** Skips a leading YAML block ({@code ---} … {@code ---}), keeping its title. */
    private int frontMatter(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return 0;
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals("---") || line.equals("...")) {
                return i + 1;
            }
            Matcher m = FRONT_MATTER_TITLE.matcher(line);
            if (m.matches()) {
                title = m.group(1);
            }
        }
        return 0;
    }

    private int fenced(List<String> lines, int start, String fence) {
        flush();
        var code = new StringBuilder();
        int i = start + 1;
        for (; i < lines.size() && !lines.get(i).strip().startsWith(fence); i++) {
            code.append(lines.get(i)).append('\n');
        }
        // Code is kept as it is written: its markup characters are content.
        String text = Text.collapse(code);
        if (!text.isEmpty()) {
            blocks.add(new Block(Kind.PARAGRAPH, 0, text, 0));
        }
        return i;
    }

    /** A numbered line that names a résumé section ("1. 경력사항", "2) Education") with a blank line after it. */
    private static boolean isNumberedSection(String line, String next) {
        Matcher numbered = NUMBERED_SECTION.matcher(line);
        return next.isBlank() && numbered.matches() && LineRoles.isSectionName(inline(numbered.group(1)));
    }

    private boolean isTableRow(String line, String next) {
        if (line.indexOf('|') < 0) {
            return false;
        }
        return inTable
                || line.strip().startsWith("|")
                || DELIMITER_ROW.matcher(next).matches();
    }

    /** The cells of a row, each reduced to its words; the empty ones outside the outer pipes dropped. */
    private static List<String> cells(String line) {
        String row = line.strip();
        row = row.startsWith("|") ? row.substring(1) : row;
        row = row.endsWith("|") && !row.endsWith("\\|") ? row.substring(0, row.length() - 1) : row;
        return Arrays.stream(row.split("(?<!\\\\)\\|", -1))
                .map(cell -> inline(cell.replace("\\|", "|")))
                .toList();
    }

    private void flush() {
        if (plain && !paragraph.isEmpty()) {
            String lines = String.join(
                    "\n",
                    paragraph.stream()
                            .filter(l -> !inline(l).isEmpty())
                            .map(l ->
                                    l.substring(0, l.length() - l.stripLeading().length()) + inline(l))
                            .toList());
            if (!lines.isEmpty()) {
                blocks.add(new Block(Kind.PARAGRAPH, 0, lines, 0));
            }
            paragraph.clear();
        }
        if (!paragraph.isEmpty()) {
            if (blocks.isEmpty() && paragraph.size() > 1 && LineRoles.looksLikeTitle(inline(paragraph.getFirst()))) {
                // A résumé without a # line opens with its title above the role or contact line ("유승민 경력기술서" /
                // "게임 클라이언트 · 그래픽스 프로그래머"): the root of every section.
                add(Kind.HEADING, 1, paragraph.removeFirst());
                markedLevel = 1;
            }
        }
        if (!paragraph.isEmpty()) {
            boldHeading();
            if (!paragraph.isEmpty()) {
                add(Kind.PARAGRAPH, 0, String.join(" ", paragraph));
            }
            paragraph.clear();
        }
        if (item != null) {
            add(Kind.LIST_ITEM, itemLevel, item.toString());
            item = null;
        }
    }

    private void add(Kind kind, int level, String text) {
        String clean = kind == Kind.TABLE_ROW ? text : inline(text);
        if (!clean.isEmpty()) {
            blocks.add(new Block(kind, level, clean, 0));
        }
    }

    /**
     * Résumés written without {@code #} mark their headings in bold: a paragraph that is one bold line
     * ({@code **Work history**}) is a section heading one level below the last marked heading; under such a
     * section, a paragraph whose first line is led by bold text and does not read as a sentence ({@code **Kestrel
     * Mobility GmbH** | Berlin | Apr 2022 – Present}, then the role and the duties) has that line as a heading one
     * level further down — the employer heads its lines. Under a {@code ##} section the same line is emphasis, as
     * its PDF shows it (a line only partly bold is no heading there). A bold label ({@code **Summary.** Twelve
     * years …}) or a bold date ({@code **2021.09 ~ 현재** · …}) leads a paragraph and stays in it.
     */
    private void boldHeading() {
        Matcher m = BOLD_LEAD.matcher(paragraph.getFirst());
        if (!m.matches()
                || m.group(2).matches("(?s).*[.:,;]$|\\d.*")
                || paragraph.getFirst().length() > 120) {
            return;
        }
        String rest = m.group(3).strip();
        // "**그린셀바이오 | 데이터 분석 연구원 | 2018.03 ~ 2019.06**" with its duties as a list below: an entry of the
        // section above (dated, or in cells), like the entries above it that had a line of text under them
        boolean looksLikeEntry = m.group(2).matches(".*(?:\\||(?:19|20)\\d{2}).*");
        boolean entry = boldLevel > 0 && !boldIsEntry && looksLikeEntry;
        if (paragraph.size() == 1 && rest.isEmpty() && !entry) {
            boldLevel = Math.min(markedLevel + 1, 6);
            boldIsEntry = looksLikeEntry;
            add(Kind.HEADING, boldLevel, paragraph.removeFirst());
            marked = true;
        } else if (boldLevel > 0 && (paragraph.size() > 1 || entry) && !rest.matches(".*[.!?]$")) {
            add(Kind.HEADING, Math.min(boldLevel + 1, 6), paragraph.removeFirst());
            marked = true;
        }
    }

    /** The words of inline Markdown: what a reader sees, not how it was written. */
    static String inline(String text) {
        String s = text;
        s = s.replaceAll("!\\[([^\\]]*)]\\([^)]*\\)", "$1");
        s = s.replaceAll("\\[([^\\]]+)]\\([^)]*\\)", "$1");
        s = s.replaceAll("\\[([^\\]]+)]\\[[^\\]]*]", "$1");
        s = s.replaceAll("<(https?://[^>]+)>", "$1");
        s = s.replaceAll("</?[a-zA-Z][^>]*>", " ");
        s = s.replaceAll("(\\*\\*|__|~~)(?=\\S)(.+?)(?<=\\S)\\1", "$2");
        s = s.replaceAll("(?<![\\w*])\\*(?=\\S)(.+?)(?<=\\S)\\*(?![\\w*])", "$1");
        s = s.replaceAll("(?<!\\w)_(?=\\S)(.+?)(?<=\\S)_(?!\\w)", "$1");
        s = s.replaceAll("`+([^`]*)`+", "$1");
        s = s.replaceAll("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~])", "$1");
        return Text.collapse(s);
    }
}
