package dev.protostar.ingestion.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of one tesseract read with their boxes, from its {@code tsv} output. The TSV's words are not the text's
 * words: Debian's Korean model reports many Korean words a syllable at a time ({@code 강 도 현}) while its text
 * keeps the spaces it saw ({@code 강도현}), so a token of the text is found as the run of TSV words that spells it,
 * line by line, and takes their box. Where a line of the text and of the TSV do not spell the same, the line has
 * no boxes and is left as read.
 */
final class TsvWords {

    /** A word as tesseract reports it: its text and its box on the page, in pixels. */
    record Word(String text, int left, int top, int right, int bottom) {

        boolean centredIn(Word box) {
            int x = (left + right) / 2;
            int y = (top + bottom) / 2;
            return box.left <= x && x <= box.right && box.top <= y && y <= box.bottom;
        }
    }

    private TsvWords() {}

    /** The TSV's words, line by line in reading order; a word of blanks is no word. */
    static List<List<Word>> lines(String tsv) {
        Map<String, List<Word>> lines = new LinkedHashMap<>();
        for (String row : tsv.split("\\R")) {
            // level, page, block, par, line, word, left, top, width, height, conf, text
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !f[0].equals("5") || f[11].isBlank()) {
                continue;
            }
            int left = Integer.parseInt(f[6]);
            int top = Integer.parseInt(f[7]);
            var word = new Word(f[11].strip(), left, top, left + Integer.parseInt(f[8]), top + Integer.parseInt(f[9]));
            lines.computeIfAbsent(f[1] + "/" + f[2] + "/" + f[3] + "/" + f[4], k -> new ArrayList<>())
                    .add(word);
        }
        return List.copyOf(lines.values());
    }

    static List<Word> words(String tsv) {
        return lines(tsv).stream().flatMap(List::stream).toList();
    }

    /**
     * The tokens of a line of the text (split at each single space, so that runs of spaces survive a rejoin), each
     * with the box of the TSV words that spell it; a blank token keeps an empty box. Empty when the line's words
     * do not spell the line.
     */
    static List<Word> tokens(String line, List<Word> words) {
        var tokens = new ArrayList<Word>();
        int next = 0;
        for (String token : line.split(" ", -1)) {
            if (token.isEmpty()) {
                tokens.add(new Word("", 0, 0, -1, -1));
                continue;
            }
            var spelled = new StringBuilder();
            Word box = null;
            while (spelled.length() < token.length() && next < words.size()) {
                Word w = words.get(next++);
                spelled.append(w.text());
                box = box == null ? w : union(box, w);
            }
            if (box == null || !spelled.toString().equals(token)) {
                return List.of();
            }
            tokens.add(new Word(token, box.left(), box.top(), box.right(), box.bottom()));
        }
        return next == words.size() ? tokens : List.of();
    }

    private static Word union(Word a, Word b) {
        return new Word(
                "",
                Math.min(a.left(), b.left()),
                Math.min(a.top(), b.top()),
                Math.max(a.right(), b.right()),
                Math.max(a.bottom(), b.bottom()));
    }
}
