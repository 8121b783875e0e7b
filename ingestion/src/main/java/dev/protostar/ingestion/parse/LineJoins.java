package dev.protostar.ingestion.parse;

/**
 * Puts back together a line of text that a PDF broke in two because it reached the end of its column. What goes
 * between the halves depends on the script and on why the line broke there:
 *
 * <ul>
 *   <li>a hyphen the typesetter added ("‐", U+2010, or a soft hyphen) is removed: "experi‐" + "ence" →
 *       "experience";
 *   <li>a hyphen or en dash the author typed stays, without a space: "66M-" + "parameter" → "66M-parameter",
 *       "2022–" + "2023" → "2022–2023" (browsers break lines after dashes; "Ji-woo" inside a line is never
 *       touched);
 *   <li>Korean written by a browser breaks between any two syllables, also inside a word: "23분에" + "서" →
 *       "23분에서" when the caller found the break inside a word, else a space;
 *   <li>Chinese and Japanese have no spaces between words;
 *   <li>everything else was broken at a space.
 * </ul>
 */
final class LineJoins {

    private LineJoins() {}

    /**
     * @param insideWord whether the line broke inside a word: only asked where Korean meets the break, and known
     *     from the layout (see {@link PdfBlocks})
     */
    static String join(String before, String after, boolean insideWord) {
        if (before.isEmpty() || after.isEmpty()) {
            return before + after;
        }
        char last = before.charAt(before.length() - 1);
        char first = after.charAt(0);
        if ((last == '\u2010' || last == '\u00AD') && Character.isLetter(first)) {
            return before.substring(0, before.length() - 1) + after;
        }
        if ((last == '-' || last == '–')
                && before.length() > 1
                && Character.isLetterOrDigit(before.charAt(before.length() - 2))
                && Character.isLetterOrDigit(first)) {
            return before + after;
        }
        if (isUnspaced(last) && isUnspaced(first)) {
            return before + after;
        }
        if ((isHangul(last) || isHangul(first))
                && Character.isLetterOrDigit(last)
                && Character.isLetterOrDigit(first)
                && insideWord) {
            return before + after;
        }
        return before + " " + after;
    }

    static boolean isHangul(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL;
    }

    /** Scripts written without spaces between words. */
    private static boolean isUnspaced(char c) {
        var script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
