package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.LineRoles.Classified;
import dev.protostar.ingestion.parse.LineRoles.Line;
import dev.protostar.ingestion.parse.LineRoles.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the structure of text that has no markup — PDF, HWP, plain text, and Word or HTML files written without
 * heading styles — from the lines of its paragraphs. {@link LineRoles} judges each line; this class decides,
 * from its neighbours, what the line is.
 *
 * <p>A line is a <b>section heading</b> (level 1) when it is
 *
 * <ul>
 *   <li>underlined by a rule of {@code =====} (level 1) or {@code -----} (level 2), as plain-text documents
 *       mark their titles (the rule is dropped);
 *   <li>led by a section marker: {@code ■ 경력사항}, {@code ◆ Projects} (the marker is dropped);
 *   <li>wholly in brackets: {@code [경력]}, {@code 【학력】}, {@code <자격증>} (the brackets are dropped);
 *   <li>(level 2) led by a bracketed label: {@code [프로젝트 3] 주문 시스템 MSA 전환};
 *   <li>numbered and short, with no figures after the number: {@code 1. 경력}, {@code II. Education}
 *       ({@code 1.1 결제}, {@code 가.} and {@code (1)} give level 2); otherwise a numbered line is a list item;
 *   <li>in capitals, without figures: {@code WORK EXPERIENCE};
 *   <li>a resume section name on its own line: {@code 경력}, {@code 학력사항}, {@code Skills:}.
 * </ul>
 *
 * <p>A line is a <b>sub-heading</b> (one level below the last section heading, else 1) when it looks like a title —
 * at most 50 characters and 8 words, mostly letters, no final punctuation, no comma or colon (a list or a
 * "key: value"), no leading figure or date ({@code 2019.03}, {@code 2020 –}) — and stands where a title
 * stands: it begins a paragraph, directly follows no other sub-heading, and body text follows it. So
 * {@code 한빛페이 | 결제플랫폼팀 선임 개발자} above its dates and duties is one; the first line of the document
 * (a name, "이력서") is a heading whenever it looks like a title.
 *
 * <p>Lines drawn only with rule characters ({@code ────}) are dropped. Bulleted lines ({@code - • · ▪ ○ *}…) are list items. Other lines are body text: a line continues the
 * block before it when that block's last line looks wrapped — 30 characters or more, nearly as long as the
 * longest line of its paragraph, ending neither a sentence nor a bracket ("(3년 5개월)") — and the line is in
 * the same paragraph or, across paragraphs, starts in lower case (PDF readers split wrapped paragraphs).
 *
 * <p>This is a heuristic: it prefers missing a heading to inventing one, since a missed heading only makes
 * a section path shorter.
 */
final class HeadingHeuristic {

    private static final int WRAPPED = 30;

    private HeadingHeuristic() {}

    /** Plain text: paragraphs are separated by blank lines. */
    static List<Block> apply(String text) {
        var paragraphs = new ArrayList<Block>();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            // lines keep their indentation (a line indented under a bullet continues it); blank ones are dropped
            String lines = paragraph
                    .lines()
                    .filter(line -> !Text.collapse(line).isEmpty())
                    .map(String::stripTrailing)
                    .collect(java.util.stream.Collectors.joining("\n"));
            if (!lines.isEmpty()) {
                paragraphs.add(Block.paragraph(lines));
            }
        }
        return apply(paragraphs);
    }

    static List<Block> apply(List<Block> blocks) {
        List<Line> lines = lines(blocks);
        List<Classified> classified = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            classified.add(LineRoles.classify(lines.get(i), i + 1 < lines.size() ? lines.get(i + 1) : null));
        }
        return new Builder().build(classified);
    }

    private static List<Line> lines(List<Block> blocks) {
        var lines = new ArrayList<Line>();
        for (Block block : blocks) {
            if (block.kind() != Kind.PARAGRAPH) {
                lines.add(
                        new Line(block.text(), block.page(), true, block.text().length(), block, 0, 0));
                continue;
            }
            List<String> raw = block.text().lines().toList();
            List<String> all = raw.stream().map(Text::collapse).toList();
            List<String> paragraph =
                    all.stream().filter(HeadingHeuristic::hasContent).toList();
            int width = paragraph.stream().mapToInt(String::length).max().orElse(0);
            boolean first = true;
            for (int i = 0; i < all.size(); i++) {
                if (hasContent(all.get(i))) {
                    int underline = i + 1 < all.size() ? underline(all.get(i + 1)) : 0;
                    lines.add(new Line(all.get(i), block.page(), first, width, null, underline, indent(raw.get(i))));
                    first = false;
                }
            }
        }
        return lines;
    }

    /** The spaces a line of plain text is indented by, a tab counting four. */
    private static int indent(String line) {
        int spaces = 0;
        for (int i = 0; i < line.length() && Character.isWhitespace(line.charAt(i)); i++) {
            spaces += line.charAt(i) == '\t' ? 4 : 1;
        }
        return spaces;
    }

    /** Rules drawn with characters ("────", "=====") carry nothing to index. */
    private static boolean hasContent(String line) {
        return line.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * The heading level a line of only {@code =} (1) or only {@code -} (2) gives the line above it, as in
     * Markdown's setext headings and plain-text documents that underline their titles; 0 for any other line.
     */
    private static int underline(String line) {
        if (line.length() < 3) {
            return 0;
        }
        if (line.chars().allMatch(c -> c == '=')) {
            return 1;
        }
        return line.chars().allMatch(c -> c == '-') ? 2 : 0;
    }

    /** Walks the classified lines once, opening and closing blocks. */
    private static final class Builder {
        private final List<Block> out = new ArrayList<>();
        private Kind openKind;
        private int openPage;
        private final StringBuilder open = new StringBuilder();
        private String lastLine = "";
        private int lastWidth;
        /** The level of the last section heading, 0 before any: a sub-heading goes one below it. */
        private int sectionLevel;

        private boolean afterSubheading;

        /** The indentation of the last section heading's line, and of the open block's first line. */
        private int sectionIndent;

        private int openIndent;

        List<Block> build(List<Classified> lines) {
            for (int i = 0; i < lines.size(); i++) {
                Classified c = lines.get(i);
                Classified next = i + 1 < lines.size() ? lines.get(i + 1) : null;
                switch (c.role()) {
                    case MARKUP -> {
                        close();
                        out.add(c.line().markup());
                        if (c.line().markup().kind() == Kind.HEADING) {
                            sectionLevel = c.line().markup().level();
                            sectionIndent = 0;
                        }
                        afterSubheading = false;
                    }
                    case SECTION -> {
                        if (sectionLevel > 0
                                && c.line().indent() >= 2
                                && c.line().indent() > sectionIndent) {
                            // "   [주요 프로젝트]" indented under a job of "■ 경력": a label inside the section, not a new one
                            close();
                            start(Kind.PARAGRAPH, c);
                            continue;
                        }
                        close();
                        sectionIndent = c.line().indent();
                        out.add(Block.heading(c.level(), c.text())
                                .onPage(c.line().page()));
                        sectionLevel = c.level();
                        afterSubheading = false;
                    }
                    case ITEM -> {
                        close();
                        start(Kind.LIST_ITEM, c);
                    }
                    case TITLE_LIKE -> {
                        if (hangs(c.line())) {
                            body(c);
                        } else if (isSubheading(c, next)) {
                            close();
                            int level = sectionLevel + 1;
                            out.add(Block.heading(level, c.text())
                                    .onPage(c.line().page()));
                            afterSubheading = true;
                        } else {
                            body(c);
                        }
                    }
                    case BODY -> body(c);
                }
            }
            close();
            return out;
        }

        private boolean isSubheading(Classified c, Classified next) {
            if (next == null || continues(c.line())) {
                return false;
            }
            if (out.isEmpty() && openKind == null) {
                return true; // the document's first line: its title
            }
            return !afterSubheading && next.role() != Role.SECTION;
        }

        private void body(Classified c) {
            if (continues(c.line())) {
                open.append(' ').append(c.text());
                lastLine = c.text();
                lastWidth = c.line().width();
            } else {
                close();
                start(Kind.PARAGRAPH, c);
            }
        }

        /**
         * Whether a line runs on from the open block: that block's last line looks wrapped — long, and as long
         * as the longest of its paragraph, neither ending a sentence nor closing a bracket ("(3년 5개월)").
         */
        private boolean continues(Line line) {
            if (hangs(line)) {
                return true;
            }
            if (openKind == null
                    || lastLine.length() < WRAPPED
                    || lastLine.length() < lastWidth * 0.85
                    || LineRoles.endsSentence(lastLine)
                    || ")]）】".indexOf(lastLine.charAt(lastLine.length() - 1)) >= 0) {
                return false;
            }
            return !line.paragraphStart() || Character.isLowerCase(line.text().charAt(0));
        }

        /**
         * Whether a line of plain text is indented under the list item open before it in its paragraph ("· 항암제 3상
         * … : 2022.03 ~ 2024.02" / "     국내 38개 기관, 피험자 612명"): a hanging indent continues the item.
         */
        private boolean hangs(Line line) {
            return openKind == Kind.LIST_ITEM && !line.paragraphStart() && line.indent() > openIndent;
        }

        private void start(Kind kind, Classified c) {
            openKind = kind;
            openIndent = c.line().indent();
            openPage = c.line().page();
            open.append(c.text());
            lastLine = c.text();
            lastWidth = c.line().width();
            afterSubheading = false;
        }

        private void close() {
            if (openKind != null) {
                out.add(new Block(openKind, openKind == Kind.LIST_ITEM ? 1 : 0, open.toString(), openPage));
            }
            openKind = null;
            open.setLength(0);
            lastLine = "";
        }
    }
}
