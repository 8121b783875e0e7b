package dev.protostar.worker.ground;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a figure question counts or measures: in Korean the word before "몇"/"얼마" ("비용을 얼마나 줄였나요" measures
 * 비용, "사용자 몇 명" counts users), in English the noun after "how many"/"how much" ("how many client apps did she
 * ship" counts apps). The gate needs the documents to have it — a recruiter's paraphrase may differ in other words,
 * not in what is counted — and the offline answer leads with a figure of it.
 */
public final class Measured {

    private static final Pattern FIGURE = Pattern.compile("(?i)몇|얼마|\\bhow\\s+(?:many|much)\\b");

    /** Where the English noun phrase after "how many" ends: its verb or a preposition. */
    private static final Pattern PHRASE_END = Pattern.compile(
            "(?i)\\b(?:did|does|do|was|were|is|are|has|have|had|can|could|will|would|in|at|for|on|per|of|with|from)\\b|[?,.;]");

    private Measured() {}

    /** A count: "how many", "몇 명/개/건". "How much faster", "얼마나 개선" measure no thing that must be named. */
    private static final Pattern COUNT = Pattern.compile("(?i)몇|\\bhow\\s+many\\b");

    /** The term of {@code clause} that {@code asked} (its text, or the question a follow-up's clause came from) measures. */
    public static Optional<Question.Term> in(Question.Clause clause, String asked) {
        return find(FIGURE.matcher(asked), clause, asked);
    }

    /** The term of {@code clause} that {@code asked} counts ("how many riders", "사용자 몇 명"), if it counts one. */
    public static Optional<Question.Term> counted(Question.Clause clause, String asked) {
        return find(COUNT.matcher(asked), clause, asked);
    }

    private static Optional<Question.Term> find(Matcher m, Question.Clause clause, String asked) {
        if (!m.find()) {
            return Optional.empty();
        }
        if (Language.of(asked) == Language.ENGLISH) {
            String after = asked.substring(m.end());
            Matcher end = PHRASE_END.matcher(after);
            String phrase = (end.find() ? after.substring(0, end.start()) : after).strip();
            if (phrase.isEmpty()) {
                return Optional.empty();
            }
            String[] words = phrase.split("\\s+");
            String head = words[words.length - 1].toLowerCase(Locale.ROOT);
            if (head.matches("more|less|fewer|[a-z]+er")) {
                return Optional.empty(); // "how much faster": a comparison, not a thing
            }
            return clause.terms().stream()
                    .filter(term -> term.kind() == Question.Kind.WORD)
                    .filter(term -> term.surface().toLowerCase(Locale.ROOT).equals(head))
                    .findFirst();
        }
        // "언리얼 몇 버전": a noun right after 몇 is what is counted (a counter such as 명 or 개 is no term)
        String after = asked.substring(m.end()).stripLeading();
        Optional<Question.Term> next = clause.terms().stream()
                .filter(term -> term.kind() == Question.Kind.WORD && after.startsWith(term.surface()))
                .findFirst();
        if (next.isPresent()) {
            return next;
        }
        String before = asked.substring(0, m.start());
        Question.Term last = null;
        int at = -1;
        for (Question.Term term : clause.terms()) {
            // What is measured is a thing ("비용", "사용자"), not the employer or project it is measured at.
            int index = term.kind() == Question.Kind.WORD ? before.lastIndexOf(term.surface()) : -1;
            if (index > at) {
                at = index;
                last = term;
            }
        }
        return Optional.ofNullable(last);
    }
}
