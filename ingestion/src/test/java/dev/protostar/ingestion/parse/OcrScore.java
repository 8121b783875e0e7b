package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.Block.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of an original survives OCR, as the chat would need it: its words (split at spaces, so a Korean word
 * is compared whole, particles and all), its figures verbatim ({@code 12명}, {@code 35%}, {@code 2019.03},
 * {@code 1.2억}, {@code 120TB}), and its headings read as headings. Each is a share of the original's that the
 * OCR'd document holds, counted with repeats: a word twice in the original must be read twice. Headings the
 * original does not have (a running header, a misread line) are counted too: each gives the text after it a wrong
 * section path.
 */
record OcrScore(Share words, Share figures, Share headings, int extraHeadings) {

    /** A figure with its unit when one is written against it: one Hangul syllable, a percent, a short Latin unit. */
    private static final Pattern FIGURE =
            Pattern.compile("(?<![\\d.,])\\d+(?:[.,]\\d+)*(?:%|\\p{IsHangul}|[A-Za-z]{1,3}(?![A-Za-z]))?");

    record Share(int found, int of) {
        double ratio() {
            return of == 0 ? 1 : (double) found / of;
        }

        Share plus(Share other) {
            return new Share(found + other.found, of + other.of);
        }
    }

    static OcrScore of(List<Block> original, List<Block> read) {
        Share headings = share(headings(original), headings(read));
        return new OcrScore(
                share(words(text(original)), words(text(read))),
                share(figures(text(original)), figures(text(read))),
                headings,
                headings(read).size() - headings.found());
    }

    OcrScore plus(OcrScore other) {
        return new OcrScore(
                words.plus(other.words),
                figures.plus(other.figures),
                headings.plus(other.headings),
                extraHeadings + other.extraHeadings);
    }

    static List<String> words(String text) {
        var words = new ArrayList<String>();
        // The rendered originals set typographic quotes (I’ve); whichever quote was read, the word is the same.
        for (String token : text.replaceAll("[‘’]", "'").split("\\s+")) {
            String word = trim(token).toLowerCase();
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static List<String> figures(String text) {
        var figures = new ArrayList<String>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            figures.add(m.group());
        }
        return figures;
    }

    /** Headings by their letters and digits: "■ 경력" read as "경력" is the heading, "경 력" is not. */
    private static List<String> headings(List<Block> blocks) {
        return blocks.stream()
                .filter(b -> b.kind() == Kind.HEADING)
                .map(b -> b.text()
                        .codePoints()
                        .filter(Character::isLetterOrDigit)
                        .map(Character::toLowerCase)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString())
                .filter(h -> !h.isEmpty())
                .toList();
    }

    private static String text(List<Block> blocks) {
        return String.join("\n", blocks.stream().map(Block::text).toList());
    }

    /** A token without the punctuation around it: "(2019.03" is "2019.03", "Kafka," is "Kafka". */
    private static String trim(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && !Character.isLetterOrDigit(token.codePointAt(start))) {
            start += Character.charCount(token.codePointAt(start));
        }
        while (end > start && !Character.isLetterOrDigit(token.codePointBefore(end))) {
            end -= Character.charCount(token.codePointBefore(end));
        }
        return token.substring(start, end);
    }

    private static Share share(List<String> wanted, List<String> got) {
        Map<String, Integer> left = new HashMap<>();
        got.forEach(g -> left.merge(g, 1, Integer::sum));
        int found = 0;
        for (String w : wanted) {
            Integer n = left.get(w);
            if (n != null && n > 0) {
                left.put(w, n - 1);
                found++;
            }
        }
        return new Share(found, wanted.size());
    }
}
