package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.PdfColumns.Placed;
import dev.protostar.ingestion.parse.PdfLines.Line;
import dev.protostar.ingestion.parse.PdfLines.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which lines of a PDF are headings, and at what level, from how they are set. A heading is a line of one
 * piece (not a table row), title-length, not a list item, set larger than the body text or wholly in bold. The
 * document's <b>title</b> — the largest line on page 1, at its top, usually the candidate's name — is level 1,
 * the root of every section path as a Markdown resume's {@code #} line is; the other heading styles take the
 * levels below it, larger before smaller and bold before regular at one size. Two bold lines are body text all the
 * same: the tagline right under the title ("시니어 데이터 엔지니어" under the name, wrapped off its contact line in a
 * narrow column), and a line that ends where its sentence goes on ("… (파트 리드) |" before "2022.01 – 현재").
 */
final class PdfHeadings {

    /** Headings are set at least this much larger than the body; 1.15 leaves room for rounding of sizes. */
    private static final float LARGER = 1.15f;
    /** The title is among the first few lines of page 1: a contact line or a photo caption may come first. */
    private static final int TITLE_WITHIN = 3;

    private record Style(float size, boolean bold) {
        static Style of(Segment segment) {
            return new Style(Math.round(segment.size() * 2) / 2f, segment.bold());
        }
    }

    private final float body;
    private final boolean boldBody;
    private final Map<Style, Integer> levels = new HashMap<>();
    private final Line title;
    /** The line right under the title, when it is set as a heading but names no section: a tagline. */
    private final Line tagline;

    PdfHeadings(List<Placed> lines, float body) {
        this.body = body;
        this.boldBody = isBoldBody(lines, body);
        this.title = title(lines);
        this.tagline = tagline(lines, title);
        var styles = new ArrayList<Style>();
        for (Placed placed : lines) {
            if (isHeading(placed.line())) {
                Style style = Style.of(placed.line().segments().getFirst());
                if (!styles.contains(style)
                        && (title == null
                                || !style.equals(Style.of(title.segments().getFirst())))) {
                    styles.add(style);
                }
            }
        }
        styles.sort(Comparator.comparing(Style::size).reversed().thenComparing(s -> !s.bold()));
        int top = 1;
        if (title != null) {
            levels.put(Style.of(title.segments().getFirst()), 1);
            top = 2;
        }
        for (int i = 0; i < styles.size(); i++) {
            levels.put(styles.get(i), Math.min(top + i, 6));
        }
    }

    /** The line's heading level, or 0 when it is not a heading. */
    int level(Line line) {
        return isHeading(line) ? levels.getOrDefault(Style.of(line.segments().getFirst()), 0) : 0;
    }

    /**
     * Whether the line is set as the heading above it is, so that it may be the heading's wrapped rest — whatever
     * it starts with: "(2019.10" / "– 2022.03)" is one heading, though a line of its own starting with a dash
     * would be an item.
     */
    boolean sameStyle(Line heading, Line line) {
        return line.segments().size() == 1
                && Style.of(line.segments().getFirst())
                        .equals(Style.of(heading.segments().getFirst()));
    }

    boolean isHeading(Line line) {
        if (line.segments().size() != 1) {
            return false;
        }
        Segment segment = line.segments().getFirst();
        String text = segment.text();
        if (text.length() > 120 || LineRoles.BULLET.matcher(text).matches() || letters(text) < 2) {
            return false;
        }
        if (segment.size() >= body * LARGER) {
            return true;
        }
        return segment.bold()
                && !boldBody
                && segment.size() >= body * 0.95f
                && !LineRoles.endsSentence(text)
                && !GOES_ON.matcher(text).find()
                && line != tagline;
    }

    /** A line ending in a separator goes on in the next: "데이터플랫폼팀 시니어 데이터 엔지니어 (파트 리드) |". */
    private static final java.util.regex.Pattern GOES_ON = java.util.regex.Pattern.compile("[|,·/&+–—-]\\s*$");

    private Line tagline(List<Placed> lines, Line title) {
        if (title == null) {
            return null;
        }
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).line() == title) {
                Line next = lines.get(i + 1).line();
                boolean bodySized = next.segments().size() == 1
                        && next.segments().getFirst().size() < body * LARGER;
                return bodySized
                                && !LineRoles.isSectionName(
                                        next.segments().getFirst().text())
                        ? next
                        : null;
            }
        }
        return null;
    }

    /** A document set in bold throughout marks nothing by bold. */
    private static boolean isBoldBody(List<Placed> lines, float body) {
        long bold = 0;
        long all = 0;
        for (Placed placed : lines) {
            for (Segment segment : placed.line().segments()) {
                if (Math.abs(segment.size() - body) < 0.5f) {
                    all += segment.text().length();
                    bold += segment.bold() ? segment.text().length() : 0;
                }
            }
        }
        return bold * 2 > all;
    }

    /** The heading's words: a marker or brackets around a section name ("■ 경력", "[학력]") are not part of it. */
    static String text(Line line) {
        String text = line.segments().getFirst().text();
        var classified =
                LineRoles.classify(new LineRoles.Line(text, line.page(), true, text.length(), null, 0, 0), null);
        return classified.role() == LineRoles.Role.SECTION ? classified.text() : text;
    }

    private Line title(List<Placed> lines) {
        List<Line> first = lines.stream()
                .map(Placed::line)
                .filter(line -> line.page() == lines.getFirst().line().page())
                .toList();
        float largest = (float) first.stream().mapToDouble(Line::size).max().orElse(0);
        return first.stream()
                .limit(TITLE_WITHIN)
                .filter(line -> isHeading(line) && line.size() >= largest)
                .findFirst()
                .orElse(null);
    }

    /** A heading has a word: a lone syllable in bold is a table cell's wrapped end ("회사" set as "회" / "사"). */
    private static long letters(String text) {
        return text.codePoints().filter(Character::isLetter).count();
    }
}
