package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.PdfColumns.Placed;
import dev.protostar.ingestion.parse.PdfLines.Line;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Turns a PDF's lines, in reading order, into blocks: headings ({@link PdfHeadings}), table rows
 * ({@link PdfTables}), list items (a bullet, or a line indented from its column) and paragraphs; a line that
 * continues a wrapped one is joined to it ({@link PdfWraps}). Bullet lines stay items of their own.
 */
final class PdfBlocks {

    /** How far a list item's later lines may start right of its first: past a marker like "10." (ems). */
    private static final float ITEM_HANG = 3f;
    /** Bullets that are also dashes or separators: a wrapped line may begin with one ("2013" / "– 2017"). */
    static final String DASHES = "-–·";

    private final float body;
    private final PdfHeadings headings;
    private final PdfWraps wraps;
    private final List<Block> out = new ArrayList<>();
    private final Deque<Float> indents = new ArrayDeque<>();
    private Kind kind;
    private int level;
    private int page;
    private String text;
    private Placed first;
    private Placed last;

    /** @param lines the lines outside tables */
    private PdfBlocks(List<Placed> lines, float body) {
        this.body = body;
        this.headings = new PdfHeadings(lines, body);
        this.wraps = new PdfWraps(
                lines.stream()
                        .filter(p -> p.line().segments().size() == 1 && headings.level(p.line()) == 0)
                        .toList(),
                body);
    }

    static List<Block> of(List<Placed> lines, float body) {
        var pieces = PdfTables.pieces(lines);
        var blocks = new PdfBlocks(
                pieces.stream()
                        .filter(piece -> !piece.table())
                        .flatMap(piece -> piece.lines().stream())
                        .toList(),
                body);
        for (PdfTables.Piece piece : pieces) {
            if (piece.table()) {
                blocks.close();
                blocks.out.addAll(PdfTableRows.blocks(piece.lines(), blocks.wraps));
            } else {
                blocks.add(piece.lines().getFirst());
            }
        }
        blocks.close();
        return blocks.out;
    }

    private void add(Placed placed) {
        Line line = placed.line();
        if (kind == Kind.HEADING && headings.sameStyle(last.line(), line) && wraps.wrapped(last, placed)) {
            append(placed);
            return;
        }
        int heading = headings.level(line);
        if (heading > 0) {
            start(Kind.HEADING, heading, placed, PdfHeadings.text(line));
            return;
        }
        String content = line.segments().getFirst().text();
        Matcher bullet = LineRoles.BULLET.matcher(content);
        boolean continues = kind != null
                && kind != Kind.HEADING
                && wraps.continues(first, last, placed, kind == Kind.LIST_ITEM ? ITEM_HANG : 0.5f);
        if (bullet.matches() && !(continues && DASHES.indexOf(content.charAt(0)) >= 0)) {
            start(
                    Kind.LIST_ITEM,
                    nesting(wraps.indent(placed)),
                    placed,
                    bullet.group(1).strip());
        } else if (continues) {
            append(placed);
        } else if (wraps.indent(placed) >= body) {
            start(Kind.LIST_ITEM, nesting(wraps.indent(placed)), placed, content);
        } else {
            indents.clear();
            start(Kind.PARAGRAPH, 0, placed, content);
        }
    }

    private void start(Kind kind, int level, Placed placed, String content) {
        close();
        this.kind = kind;
        this.level = level;
        this.page = placed.line().page();
        this.text = content;
        this.first = placed;
        this.last = placed;
    }

    private void append(Placed placed) {
        text = wraps.join(text, last, placed);
        last = placed;
    }

    private void close() {
        if (kind != null) {
            out.add(new Block(kind, level, text, page));
        }
        kind = null;
    }

    /** Nesting from indentation: deeper than the item before is one level down. */
    private int nesting(float indent) {
        while (!indents.isEmpty() && indents.peek() > indent + body / 2) {
            indents.pop();
        }
        if (indents.isEmpty() || indent > indents.peek() + body / 2) {
            indents.push(indent);
        }
        return indents.size();
    }
}
