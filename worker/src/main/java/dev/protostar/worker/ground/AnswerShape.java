package dev.protostar.worker.ground;

import dev.protostar.worker.retrieve.Hit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Questions whose answer has a shape a line either has or has not: a head count ("정산허브 몇 명이서 했어?",
 * "how many engineers built it") or a period ("how long did it take", "기간이 얼마나 걸렸어"). A question that names
 * a project and asks one of these is covered only when a line about that project has it — the project being in
 * the documents is not enough ("Offline Cart (2020) … team of 3" gives a team, not how long it took).
 */
public enum AnswerShape {
    PEOPLE(
            Pattern.compile(
                    "(?i)몇\\s*명|인원|팀원\\s*수|팀\\s*(?:의\\s*)?규모|팀.{0,12}구성|\\bwho\\s+(?:was|were)\\s+on\\b"
                            + "|\\bhow\\s+many\\s+(?:people|ppl|engineers|developers|members|teammates|persons)\\b|team\\s+size|headcount"),
            Pattern.compile(
                    "(?i)\\d+\\s*(?:명|인(?!당)|people|engineers?|developers?|members?|persons?|teammates?|colleagues?)\\b"
                            + "|\\d+-(?:person|member|people)|\\bteam of \\d+|\\d+\\s*명|단독|혼자"
                            + "|\\b(?:solo|alone|single-handedly|on (?:his|her|their) own)\\b"),
            "참여 인원",
            "how many people took part"),
    PERIOD(
            Pattern.compile("(?i)기간\\S{0,2}\\s*(?:얼마|어떻게|몇|은|는|이)|얼마(?:나|동안)\\s*(?:걸렸|걸린|근무|다녔|일했|재직|진행|있었)"
                    + "|몇\\s*(?:년|개월|달)\\s*(?:동안|간|있|다녔|근무|일했|재직|걸)|\\bhow\\s+long\\b|\\bduration\\b"),
            Pattern.compile(
                    "(?i)(?:19|20)\\d{2}(?:[.\\-/]\\d{1,2})?\\s*[~–—-]|\\d+\\s*(?:년|개월|주|years?|months?|weeks?)\\b"
                            + "|\\d+\\s*(?:년|개월)"),
            "기간",
            "how long it took");

    private final Pattern asked;
    private final Pattern given;
    private final String korean;
    private final String english;

    AnswerShape(Pattern asked, Pattern given, String korean, String english) {
        this.asked = asked;
        this.given = given;
        this.korean = korean;
        this.english = english;
    }

    /** The shape this clause asks for, if it asks for one. */
    public static Optional<AnswerShape> askedIn(String clause) {
        for (AnswerShape shape : values()) {
            if (shape.asked.matcher(clause).find()) {
                return Optional.of(shape);
            }
        }
        return Optional.empty();
    }

    /** Whether this line has the shape: a head count, or a period (a range of dates or a length). */
    public boolean givenIn(String line) {
        return given.matcher(line).find();
    }

    /**
     * Whether a retrieved line about one of {@code names} has the shape: a line of a chunk whose headings name it,
     * or a line that names it itself.
     */
    boolean givenAbout(List<String> names, List<Hit> hits) {
        for (Hit hit : hits) {
            boolean headed = names.stream().anyMatch(name -> contains(hit.section(), name));
            if (headed && givenIn(hit.section())) {
                return true;
            }
            for (String line : hit.text().split("\n")) {
                if (givenIn(line) && (headed || names.stream().anyMatch(name -> contains(line, name)))) {
                    return true;
                }
            }
        }
        return false;
    }

    String name(Language language) {
        return language == Language.KOREAN ? korean : english;
    }

    private static boolean contains(String text, String name) {
        return text.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT));
    }
}
