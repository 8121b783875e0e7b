package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.TsvWords.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A page's text from two reads: tesseract's {@code kor+eng}, and Debian's Hangul script model where Korean meets
 * Latin. {@code kor+eng} chooses a model word by word and, next to Latin, takes Hangul words for Latin ones
 * ({@code 약} → {@code OF}, {@code 회사} → {@code OES}, {@code 로그를} → {@code SAS}) or a unit for digits
 * ({@code 2년} → {@code 24}); the Hangul model reads those right but Latin worse ({@code Iceberg} →
 * {@code 1ㄷebe9}) and spaces Korean a syllable at a time. So the first read is the page, its spacing and lines
 * kept, and a token of it is replaced by what the second read found in the same box only when the script says the
 * first is the misreading: the first has no Hangul and is not a Latin word as written, the second is Hangul.
 *
 * <p>Confidence is not asked: on the Korean scans the misread tokens were as confident as right ones (a Latin
 * {@code OF} for {@code 약} at 88), and preferring the more confident read lost words
 * (docs/benchmarks/ocr-quality.md).
 */
final class WordChoice {

    private static final Pattern HANGUL = Pattern.compile("[\uAC00-\uD7A3]");

    private static final Pattern LATIN_OR_DIGIT = Pattern.compile("[A-Za-z0-9]");

    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

    /** Lower case written as a word is (Iceberg, p95's ms, Ul for UI): tesseract's garbage is capitals and digits. */
    private static final Pattern LATIN_WORD = Pattern.compile("[a-z]{2}|^[A-Za-z]*[a-z][A-Za-z]*$");

    /** What a Korean word, figure and its punctuation are made of; anything else (^, ?, Ｌ) is a misreading too. */
    private static final Pattern NOT_KOREAN = Pattern.compile("[^\uAC00-\uD7A30-9.,:;/()“”\"'·%~\\-]");

    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");

    private WordChoice() {}

    /**
     * @param text the first read's text, which gives the page its lines and spacing
     * @param tsv the first read's words, from the same run as {@code text}
     * @param otherTsv the second read's words
     */
    static String merge(String text, String tsv, String otherTsv) {
        List<List<Word>> lines = TsvWords.lines(tsv);
        List<Word> others = TsvWords.words(otherTsv);
        var out = new ArrayList<String>();
        int next = 0;
        for (String line : text.split("\n", -1)) {
            out.add(line.isBlank() || next >= lines.size() ? line : line(line, lines.get(next++), others));
        }
        return String.join("\n", out);
    }

    private static String line(String line, List<Word> words, List<Word> others) {
        List<Word> tokens = TsvWords.tokens(line, words);
        if (tokens.isEmpty()) {
            return line;
        }
        var out = new ArrayList<String>();
        for (Word token : tokens) {
            String other = others.stream()
                    .filter(o -> o.centredIn(token))
                    .map(Word::text)
                    .collect(Collectors.joining());
            out.add(token.text().isEmpty() ? "" : choose(token.text(), other));
        }
        return String.join(" ", out);
    }

    /**
     * The first read's token, or the second's of the same box when the first is Latin garbage for a Korean word:
     * no Hangul in it but capitals or digits, not written as a Latin word is, and the second all Hangul, digits and
     * punctuation. A figure keeps its number: the second may change only the unit after it ({@code 37}} →
     * {@code 3개}, {@code 1,10004} → {@code 1,100여}).
     */
    static String choose(String first, String second) {
        if (HANGUL.matcher(first).find()
                || !LATIN_OR_DIGIT.matcher(first).find()
                || LATIN_WORD.matcher(core(first)).find()) {
            return first;
        }
        if (!HANGUL.matcher(second).find()
                || LATIN.matcher(second).find()
                || NOT_KOREAN.matcher(second).find()) {
            return first;
        }
        String digits = NOT_DIGIT.matcher(first).replaceAll("");
        return digits.isEmpty() || digits.startsWith(NOT_DIGIT.matcher(second).replaceAll("")) ? second : first;
    }

    /** A token without the punctuation around it. */
    private static String core(String token) {
        return token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
    }
}
