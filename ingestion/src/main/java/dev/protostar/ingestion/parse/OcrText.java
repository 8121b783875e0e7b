package dev.protostar.ingestion.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tesseract's text of one page as paragraph blocks for {@link HeadingHeuristic}, with the two misreadings that
 * would cost a resume its structure undone. Tesseract has no model of the symbols resumes lead lines with: it
 * reads the square of {@code ■ 경력} as a letter or a syllable ({@code m 경력}, {@code 를 자격증}), which hides
 * the section, and bullets as {@code «}, {@code ¢} or {@code ＊}, which hides the list item. A middle dot
 * between Hangul ({@code 수집·정제}) read as the archaic vowel {@code ㆍ}, which Korean text never sets alone
 * between syllables, is put back (one read as {@code -} or {@code :} is left: those can be meant). Page furniture is dropped as {@link RunningText} drops it from a text layer: a running header (the
 * same first line on two pages or more; read as the first heading, it would give the text after it a wrong section
 * path) and page numbers. A table — lines whose column gaps tesseract kept as runs of spaces — is read row by row as
 * a Word table is. Nothing else is changed: the text is what was read.
 */
final class OcrText {

    /** One stray character before a resume section name: a section marker tesseract could not read. */
    private static final Pattern MARKED_SECTION = Pattern.compile("^\\S\\s+(\\S.{0,20})$");

    private static final Pattern MISREAD_BULLET = Pattern.compile("^(?:[«»¢©®°]|\\*?＊)\\s+(?=\\S)");

    private static final Pattern MISREAD_MIDDLE_DOT = Pattern.compile("(?<=\\p{IsHangul})ㆍ(?=\\p{IsHangul})");

    private OcrText() {}

    /**
     * @param page the page number the blocks carry: from 1 for a PDF, 0 for a picture (which has no pages)
     */
    static List<Block> blocks(String text, int page) {
        var blocks = new ArrayList<Block>();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            List<String> read = List.of(paragraph.split("\\R"));
            List<List<String>> cells = read.stream().map(OcrText::cells).toList();
            var lines = new StringBuilder();
            for (int i = 0; i < read.size(); i++) {
                int end = tableEnd(read, cells, i);
                if (end < 0) {
                    lines.append(tidy(Text.collapse(read.get(i)))).append('\n');
                    continue;
                }
                paragraph(lines, page, blocks);
                blocks.addAll(table(cells.subList(i, end), page));
                i = end - 1;
            }
            paragraph(lines, page, blocks);
        }
        return blocks;
    }

    private static void paragraph(StringBuilder lines, int page, List<Block> into) {
        String collapsed = Text.collapseLines(lines);
        if (!collapsed.isEmpty()) {
            into.add(Block.paragraph(collapsed).onPage(page));
        }
        lines.setLength(0);
    }

    /** Where tesseract leaves a column's gap: three spaces or more, or a rule it read as a bar. */
    private static final Pattern COLUMN_GAP = Pattern.compile("\\s{3,}|\\s*\\|\\s*");

    /** A line's cells, when the gaps tesseract left in it make three or more. */
    static List<String> cells(String line) {
        List<String> cells = segments(line);
        return cells.size() >= 3 ? cells : List.of();
    }

    private static List<String> segments(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : COLUMN_GAP.split(line.strip())) {
            if (!cell.isBlank()) {
                cells.add(tidy(Text.collapse(cell)));
            }
        }
        return cells;
    }

    /**
     * The end (exclusive) of a table that starts at line {@code i}: two lines or more in a row with as many cells,
     * three or more each; -1 when none starts there. A table whose cells wrap onto lines of fewer cells ("밍)
     * CDC로 재고 변경 실시간 | -0.6%") is left as text: a line's gaps do not say which column its pieces belong to.
     */
    private static int tableEnd(List<String> lines, List<List<String>> cells, int i) {
        int columns = cells.get(i).size();
        if (columns == 0) {
            return -1;
        }
        int end = i + 1;
        while (end < lines.size() && cells.get(end).size() == columns) {
            end++;
        }
        boolean wrapped = end < lines.size() && segments(lines.get(end)).size() >= 2;
        return end - i >= 2 && !wrapped ? end : -1;
    }

    /**
     * A table tesseract read line by line, written as a Word table is ({@link TableRows}): a first row without a
     * figure over rows with one is the header, whose cells label the others ("회사: 툰플렉스 | 기간: 2022.04 – 현재");
     * without it it were run together with the text around it as one wrapped paragraph.
     */
    private static List<Block> table(List<List<String>> rows, int page) {
        boolean header = rows.getFirst().stream().noneMatch(cell -> cell.matches(".*\\d.*"))
                && rows.stream().skip(1).allMatch(row -> row.stream().anyMatch(cell -> cell.matches(".*\\d.*")));
        List<String> labels = header ? rows.getFirst() : List.of();
        var out = new ArrayList<Block>();
        for (List<String> row : rows.subList(header ? 1 : 0, rows.size())) {
            for (String line :
                    TableRows.lines(labels, row.stream().map(List::of).toList())) {
                out.add(new Block(Block.Kind.TABLE_ROW, 0, line, page));
            }
        }
        return out;
    }

    static String tidy(String line) {
        Matcher marked = MARKED_SECTION.matcher(line);
        if (marked.matches() && LineRoles.isSectionName(marked.group(1))) {
            return marked.group(1);
        }
        String bulleted = MISREAD_BULLET.matcher(line).replaceFirst("• ");
        return MISREAD_MIDDLE_DOT.matcher(bulleted).replaceAll("·");
    }

    /**
     * The pages' text without page furniture: a first line that is the first line of two pages or more (page
     * numbers aside, as {@link RunningText#key} compares them), and a last line that is a page number or the last
     * line of two pages or more.
     */
    static List<String> withoutRunningText(List<String> pages) {
        List<List<String>> lines = pages.stream()
                .<List<String>>map(page -> new ArrayList<>(page.lines().toList()))
                .toList();
        Map<String, Long> firsts = count(lines, true);
        Map<String, Long> lasts = count(lines, false);
        var out = new ArrayList<String>();
        for (List<String> page : lines) {
            int first = edge(page, true);
            if (first >= 0 && firsts.get(RunningText.key(page.get(first))) >= 2) {
                page.set(first, "");
            }
            int last = edge(page, false);
            if (last >= 0
                    && (RunningText.isPageNumber(page.get(last)) || lasts.get(RunningText.key(page.get(last))) >= 2)) {
                page.set(last, "");
            }
            out.add(String.join("\n", page));
        }
        return out;
    }

    /** How many pages begin (or end) with each line. */
    private static Map<String, Long> count(List<List<String>> pages, boolean first) {
        Map<String, Long> counts = new HashMap<>();
        for (List<String> page : pages) {
            int i = edge(page, first);
            if (i >= 0) {
                counts.merge(RunningText.key(page.get(i)), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The first (or last) line with a letter or digit on it; -1 on a blank page. */
    private static int edge(List<String> page, boolean first) {
        for (int n = 0; n < page.size(); n++) {
            int i = first ? n : page.size() - 1 - n;
            if (page.get(i).codePoints().anyMatch(Character::isLetterOrDigit)) {
                return i;
            }
        }
        return -1;
    }

    /** Letters and digits: what tells text from the specks and rules tesseract reads in a blank page or a photo. */
    static int readable(List<Block> blocks) {
        return blocks.stream()
                .mapToInt(b -> (int)
                        b.text().codePoints().filter(Character::isLetterOrDigit).count())
                .sum();
    }
}
