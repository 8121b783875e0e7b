package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.PdfColumns.Column;
import dev.protostar.ingestion.parse.PdfColumns.Placed;
import dev.protostar.ingestion.parse.PdfLines.Line;
import dev.protostar.ingestion.parse.PdfLines.Segment;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a PDF's lines were wrapped, and how to put them back together.
 *
 * <p>A line was <b>wrapped</b> when it ended so close to its column's right edge that the next line's first word
 * would not have fitted there; a line that stops short ended its paragraph or item. A column's edge is the
 * furthest its lines reach (those that start at its left edge: a table cell may overhang).
 *
 * <p>{@link LineJoins} puts the halves together; for Korean it needs to know whether the break fell inside a
 * word. A browser breaks Korean between any two syllables, so when the gap left was wide enough for the next
 * line's first syllable, the line broke at a space; when it was narrower, the layout cannot tell and
 * {@link KoreanBreaks} reads the words. In such a document a Korean line that left room for the next line's
 * first syllable was not wrapped at all: the next line starts an item of its own (a list whose bullets are
 * drawn, not written, looks like a paragraph otherwise). A document where many breaks leave wider gaps than a
 * syllable and a space breaks only at spaces — a few such gaps are items taken for wraps while this is being
 * worked out — and one whose lines all end flush (justified) tells nothing: there the halves are joined with a
 * space, as they always were.
 */
final class PdfWraps {

    /** Lines of one paragraph are at most this far apart (in ems); a paragraph's margin makes it more. */
    private static final float LINE_PITCH = 1.8f;
    /** How far a line may fall short of its column's edge and still have been wrapped, beyond the next word. */
    private static final float SLACK = 0.3f;

    private enum Breaks {
        ANYWHERE,
        AT_SPACES
    }

    private final float body;
    private final Map<Column, Float> edges = new EnumMap<>(Column.class);
    private final Map<Column, Float> starts = new EnumMap<>(Column.class);
    private final KoreanBreaks korean;
    private final Breaks breaks;

    /** @param text the lines of body text: one segment each, no headings */
    PdfWraps(List<Placed> text, float body) {
        this.body = body;
        text.forEach(p -> starts.merge(p.column(), p.line().left(), Math::min));
        text.stream()
                .filter(p -> indent(p) <= body / 2)
                .forEach(p -> edges.merge(p.column(), p.line().right(), Math::max));
        this.korean = KoreanBreaks.of(text.stream().map(PdfWraps::withoutBullet).toList());
        this.breaks = breaks(text);
    }

    /** An item's line as its words: the bullet is no word, and the item's first word may be a broken one's half. */
    private static String withoutBullet(Placed placed) {
        var bullet = LineRoles.BULLET.matcher(placed.line().text());
        return bullet.matches() ? bullet.group(1) : placed.line().text();
    }

    /** How far in from its column's left edge the line starts. */
    float indent(Placed placed) {
        return placed.line().left()
                - starts.getOrDefault(placed.column(), placed.line().left());
    }

    boolean wrapped(Placed above, Placed below) {
        return wrapped(above, below, edge(above));
    }

    /** Whether {@code above} was wrapped against {@code edge}: a table cell's, where it is in one. */
    boolean wrapped(Placed above, Placed below, float edge) {
        if (above.line().segments().size() != 1 || below.line().segments().size() != 1) {
            return false;
        }
        Segment next = below.line().segments().getFirst();
        boolean anywhere = breaks == Breaks.ANYWHERE && isKorean(above, below);
        float moved = anywhere ? next.firstUnitWidth() : next.firstWordWidth();
        return edge - above.line().right() < moved + SLACK * next.size();
    }

    /**
     * Whether {@code below} continues the block that {@code top} starts and {@code above} ends: it is set at the
     * same size, the block's last line was wrapped, and it starts no further in than the block's first line plus
     * {@code hang} ems (an item's text hangs past its "1."). It is the next line down, unless the block carries
     * on in the next column or on the next page.
     */
    boolean continues(Placed top, Placed above, Placed below, float hang) {
        Line a = above.line();
        Line b = below.line();
        if (Math.abs(a.size() - b.size()) > a.size() * 0.1f || !wrapped(above, below)) {
            return false;
        }
        if (indent(below) < -body / 2 || indent(below) > indent(top) + hang * body) {
            return false;
        }
        boolean sameFlow = a.page() == b.page() && above.column() == below.column();
        return !sameFlow || (b.baseline() > a.baseline() && b.baseline() - a.baseline() <= LINE_PITCH * a.size());
    }

    /** The block's text so far with the wrapped line {@code below} put after it. */
    String join(String before, Placed above, Placed below) {
        return join(before, above, below, edge(above));
    }

    /** The same, where {@code above} was wrapped against {@code edge}. */
    String join(String before, Placed above, Placed below, float edge) {
        String after = below.line().text();
        Segment next = below.line().segments().getFirst();
        boolean couldBeInside = breaks == Breaks.ANYWHERE && edge - above.line().right() < next.firstUnitWidth();
        return LineJoins.join(before, after, couldBeInside && korean.insideWord(before, after));
    }

    private float gap(Placed line) {
        return edge(line) - line.line().right();
    }

    private float edge(Placed line) {
        return edges.getOrDefault(line.column(), line.line().right());
    }

    private Breaks breaks(List<Placed> text) {
        int wraps = 0;
        int spaced = 0;
        boolean flush = true;
        for (int i = 1; i < text.size(); i++) {
            Placed above = text.get(i - 1);
            Placed below = text.get(i);
            if (!isKorean(above, below) || !continues(above, above, below, 3)) {
                continue;
            }
            Segment next = below.line().segments().getFirst();
            float gap = gap(above);
            if (gap > next.firstUnitWidth() + 0.5f * next.size()) {
                spaced++;
                continue;
            }
            wraps++;
            flush &= gap < 0.05f * next.size();
        }
        if (spaced * 4 > spaced + wraps) {
            return Breaks.AT_SPACES;
        }
        return wraps >= 3 && flush ? Breaks.AT_SPACES : Breaks.ANYWHERE;
    }

    private static boolean isKorean(Placed above, Placed below) {
        String a = above.line().text();
        String b = below.line().text();
        return LineJoins.isHangul(a.charAt(a.length() - 1)) && LineJoins.isHangul(b.charAt(0));
    }
}
