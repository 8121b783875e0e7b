package dev.protostar.chat.document;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A document's name from what a client sent as its file name. The name is the last segment of the object
 * key and identifies the document within its candidate, so it must be one safe path segment and the same
 * string however the client's system spells it.
 */
final class FileNames {

    /** The name when nothing usable was sent. */
    static final String FALLBACK = "document";

    /** Long enough for any real file name; keys stay far below S3's 1024 bytes. */
    static final int MAX_CODE_POINTS = 200;

    /** One path segment on common file systems, which file-backed stores (the local S3Proxy) inherit. */
    static final int MAX_UTF8_BYTES = 255;

    /** An extension longer than this is part of the name, not a type to keep when shortening. */
    private static final int MAX_EXTENSION = 10;

    private FileNames() {}

    /**
     * The last path segment (browsers on Windows may send a whole path), in NFC (macOS sends Hangul
     * decomposed), without control or bidirectional-override characters, trimmed, at most 200 code points
     * and 255 UTF-8 bytes with its extension kept; {@code document} if nothing is left.
     */
    static String sanitize(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && !isBidiControl(c))
                .forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return FALLBACK;
        }
        return shorten(name);
    }

    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_CODE_POINTS && utf8Length(name) <= MAX_UTF8_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - extension.length());
        int codePoints = MAX_CODE_POINTS - extension.length();
        int bytes = MAX_UTF8_BYTES - utf8Length(extension);
        StringBuilder shortened = new StringBuilder();
        for (int i = 0, used = 0; i < base.length() && codePoints > 0; ) {
            int c = base.codePointAt(i);
            int size = utf8Length(new String(Character.toChars(c)));
            if (used + size > bytes) {
                break;
            }
            shortened.appendCodePoint(c);
            used += size;
            codePoints--;
            i += Character.charCount(c);
        }
        return shortened.toString().strip() + extension;
    }

    /** Marks that reorder how a name is displayed ("resume\u202Efdp.exe"), a known way to disguise a file. */
    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
