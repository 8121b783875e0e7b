package dev.protostar.worker.ground;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results the documents give for a language test ("HSK 4급", "TOEIC 915", "JLPT N2"), so that a question taking
 * another result of the same test for granted ("HSK 6급 있던데 중국 노선 업무 바로 가능하겠죠?") is a premise they
 * contradict. A result compared with ("토익 900 넘어요?", "900점대") is asked, not claimed.
 */
final class Scores {

    /** A test and the result written right after it: "hsk 4급", "toeic 915", "jlpt n2", "토익 900점". */
    private static final Pattern RESULT =
            Pattern.compile("(?<![a-z])(toeic|toefl|teps|ielts|hsk|jlpt|jpt|opic|토익|토플|텝스|오픽)\\s*(?:ibt\\s*)?[:：]?\\s*"
                    + "(n[1-5]|\\d+(?:\\.\\d)?)(?![\\d.])\\s*(?:급|점)?");

    /** After a result: a comparison or a range, not the result itself. */
    private static final Pattern COMPARED =
            Pattern.compile("^\\s*(?:대|\\+|이상|이하|미만|초과|넘|정도|쯤|or\\s+(?:above|more|higher|better)|\\+)");

    private static final Pattern COMPARED_BEFORE =
            Pattern.compile("(?:over|above|at\\s+least|more\\s+than|less\\s+than|below|under)\\s*$");

    private static final Map<String, String> SPELLINGS =
            Map.of("토익", "toeic", "토플", "toefl", "텝스", "teps", "오픽", "opic");

    private final List<String> lines;

    private Scores(List<String> lines) {
        this.lines = lines;
    }

    /** Of the documents' lines ({@link CandidateProfiles#lines}, in lower case). */
    static Scores of(List<String> lines) {
        return new Scores(lines);
    }

    /** The result the question states of a test when the documents give that test only other results. */
    Optional<String> contradicted(String question) {
        String lower = question.toLowerCase(Locale.ROOT);
        Matcher claimed = RESULT.matcher(lower);
        while (claimed.find()) {
            if (COMPARED.matcher(lower.substring(claimed.end())).find()
                    || COMPARED_BEFORE
                            .matcher(lower.substring(0, claimed.start()))
                            .find()) {
                continue;
            }
            String test = test(claimed.group(1));
            List<String> stated = new ArrayList<>();
            for (String line : lines) {
                Matcher given = RESULT.matcher(line);
                while (given.find()) {
                    if (test(given.group(1)).equals(test)) {
                        stated.add(given.group(2));
                    }
                }
            }
            if (!stated.isEmpty() && !stated.contains(claimed.group(2))) {
                return Optional.of(
                        question.substring(claimed.start(), claimed.end()).strip());
            }
        }
        return Optional.empty();
    }

    private static String test(String name) {
        return SPELLINGS.getOrDefault(name, name);
    }
}
