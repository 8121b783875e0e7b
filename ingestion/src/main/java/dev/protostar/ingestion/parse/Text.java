package dev.protostar.ingestion.parse;

/** Whitespace rules shared by every reader: what "whitespace-collapsed, never blank" means here. */
final class Text {

    private Text() {}

    /**
     * Every run of whitespace becomes one space, ends are trimmed. Control characters and U+FFFD count as
     * whitespace: PDF fonts that map the space glyph to a control code (NanumGothic does, for all of 0–32) come
     * out of text extraction as U+FFFD between words. Zero-width characters are dropped.
     */
    static String collapse(CharSequence text) {
        var out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isZeroWidth(c)) {
                continue;
            }
            if (isSpace(c)) {
                space = !out.isEmpty();
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Collapses each line on its own and keeps the line breaks between non-blank lines. */
    static String collapseLines(CharSequence text) {
        var out = new StringBuilder(text.length());
        for (String line : text.toString().split("\r\n|[\n\r\u2028\u2029\u000B\u000C]")) {
            String collapsed = collapse(line);
            if (!collapsed.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(collapsed);
            }
        }
        return out.toString();
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || c == '\uFFFD';
    }

    private static boolean isZeroWidth(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }
}
