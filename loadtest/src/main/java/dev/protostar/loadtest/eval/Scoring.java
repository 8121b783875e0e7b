package dev.protostar.loadtest.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an answer is judged, deliberately independent of the worker's own code: a fact is present when the
 * answer contains it (case, spacing and thousands separators aside); a part is declined when the answer
 * says the documents do not cover it; a number is grounded when a cited chunk contains it.
 */
final class Scoring {

    private static final Pattern DECLINES = Pattern.compile(
            "(?i)(do(es)? not (mention|say|cover|state|include|contain|provide|specify)|not (mentioned|stated|covered|included|specified|found) in|no (information|mention)|내용(은|이)? 없|언급(이|되어 있지|하지)? ?않|나와 있지 않|확인할 수 없|찾을 수 없|정보가 없)");

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern CITATION = Pattern.compile("\\[\\d{1,2}]");

    private Scoring() {}

    static boolean contains(String answer, String fact) {
        return normalize(answer).contains(normalize(fact));
    }

    static boolean containsAll(String answer, List<String> facts) {
        return facts.stream().allMatch(f -> contains(answer, f));
    }

    /** The answer says (part of) the question is not in the documents. */
    static boolean declines(String answer) {
        return DECLINES.matcher(answer).find();
    }

    /** Numbers of the answer (citation marks aside) that none of the cited chunks' texts contains. */
    static List<String> ungroundedNumbers(String answer, List<String> citedTexts) {
        String cited = normalize(String.join("\n", citedTexts));
        List<String> missing = new ArrayList<>();
        Matcher number = NUMBER.matcher(CITATION.matcher(answer).replaceAll(" "));
        while (number.find()) {
            String n = normalize(number.group());
            if (!containsNumber(cited, n)) {
                missing.add(number.group());
            }
        }
        return missing;
    }

    private static boolean containsNumber(String text, String number) {
        Matcher found = Pattern.compile("(?<![\\d.])" + Pattern.quote(number) + "(?!\\d)")
                .matcher(text);
        return found.find();
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("(?<=\\d),(?=\\d{3})", "")
                .replaceAll("\\s+", " ");
    }
}
