package dev.protostar.ingestion.parse;

import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Whether a Korean line broke inside a word, where the layout cannot tell. A browser breaks Korean between any
 * two syllables; when the gap left at the end of the line is narrower than one syllable, a break at a space and a
 * break inside a word leave the same picture. The words decide, in this order:
 *
 * <ol>
 *   <li>a line that starts with a particle or an ending ("를 …", "에서 …", "는 …") continues a word: no Korean
 *       word begins with one;
 *   <li>a line that ends in one ("…으로", "…를", "…했고", "…할", "…결과가") ended a word;
 *   <li>the document's own words: the two halves written together elsewhere make one word; the first half
 *       standing alone elsewhere and the second starting a word elsewhere ("정산 | 배치를" where the text
 *       also has "정산 배치가") make two;
 *   <li>otherwise the break is taken to be inside a word: joining two words costs a search less than splitting
 *       one, and most breaks in Korean text fall inside words.
 * </ol>
 */
final class KoreanBreaks {

    /** Syllables that begin particles and endings and (almost) no word. */
    private static final String PARTICLE_STARTS = "을를는은에으께까와";
    /** Endings of two syllables and more: particles ("으로", "에서") and verb endings ("하고", "했고", "도록"). */
    private static final List<String> ENDINGS = List.of(
            "으로", "에서", "에게", "에는", "에도", "까지", "부터", "처럼", "보다", "하고", "하며", "했고", "했으며", "하여", "해서", "으며", "지만", "는데",
            "도록", "하게", "에서의");
    /** One-syllable particles and endings that end a word of two syllables or more. */
    private static final String FINALS = "을를는과와며고면게의할될던된한";
    /** Subject particles, which end words of three syllables or more: shorter ones are often nouns ("평가"). */
    private static final String SUBJECT = "가이";
    /** What follows "에" inside a word ("에서", "에게", "에는"); before anything else "에" is a particle. */
    private static final String AFTER_E = "서게는도만선";

    /** Sorted, so that "does a word start with …" is one lookup, also in a long document. */
    private final NavigableSet<String> words;

    /** @param words words of the document seen whole: inside a line, not at either end of one */
    KoreanBreaks(Collection<String> words) {
        this.words = new TreeSet<>(words);
    }

    /** The words strictly inside the lines: a line's first and last word may be halves of a broken one. */
    static KoreanBreaks of(List<String> lines) {
        var words = new TreeSet<String>();
        for (String line : lines) {
            String[] split = line.split(" ");
            for (int i = 1; i < split.length - 1; i++) {
                words.add(split[i]);
            }
        }
        return new KoreanBreaks(words);
    }

    /**
     * @param before the text up to the break
     * @param after the text from the break
     */
    boolean insideWord(String before, String after) {
        String tail = before.substring(before.lastIndexOf(' ') + 1);
        int space = after.indexOf(' ');
        String head = space < 0 ? after : after.substring(0, space);
        if (tail.isEmpty() || head.isEmpty()) {
            return false;
        }
        if (PARTICLE_STARTS.indexOf(head.charAt(0)) >= 0) {
            return true;
        }
        if (endsWord(tail, head)) {
            return false;
        }
        String start = head.substring(0, Math.min(2, head.length()));
        if (startsAWord(tail + start)) {
            return true;
        }
        return !(words.contains(tail) && startsAWord(start));
    }

    private boolean startsAWord(String prefix) {
        String word = words.ceiling(prefix);
        return word != null && word.startsWith(prefix);
    }

    private static boolean endsWord(String tail, String head) {
        int length = tail.length();
        char last = tail.charAt(length - 1);
        return ENDINGS.stream().anyMatch(ending -> length > ending.length() && tail.endsWith(ending))
                || (length >= 2 && FINALS.indexOf(last) >= 0)
                || (length >= 2 && last == '에' && AFTER_E.indexOf(head.charAt(0)) < 0)
                || (length >= 3 && SUBJECT.indexOf(last) >= 0);
    }
}
