package dev.protostar.worker.generate;

import java.util.regex.Pattern;

/**
 * Quoted material in a prompt — the documents' excerpts, the conversation so far, a summary — fenced as
 * {@code <tag>…</tag>} so that the rules can say where data starts and ends. The fence is fixed (a prompt stays
 * the same for the same inputs), so what makes it hold is that data cannot write it: a tag of ours inside the
 * text has its {@code <} written {@code &lt;}, and a document saying {@code </excerpt>} stays inside its block.
 */
public final class DataBlock {

    /** Our tags, opening or closing, with the spellings a model might still read as one (spaces, a full-width "<"). */
    private static final Pattern OUR_TAG =
            Pattern.compile("(?i)[<＜](?=\\s*/?\\s*(?:excerpts?|conversation|summary|turns)(?![\\p{L}\\d_-]))");

    private DataBlock() {}

    /** {@code text} fenced as {@code <tag>}, with any tag of ours inside it escaped. */
    public static String of(String tag, String text) {
        return "<" + tag + ">\n" + escaped(text.strip()) + "\n</" + tag + ">";
    }

    /** The text with its {@code <} escaped wherever it would open or close one of our blocks. */
    static String escaped(String text) {
        return OUR_TAG.matcher(text).replaceAll("&lt;");
    }
}
