package dev.protostar.worker.ground;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The degrees the documents give in a field, so that a question taking another level in it for granted ("간호학 석사
 * 나온 걸로 아는데" of a 간호학 학사 and a master's in another field, "her PhD in statistics" of an MSc) is a premise they
 * contradict. Judged only in a field the documents name in the question's own words: a field they never write that
 * way is for the other rules to find or not.
 */
final class Degrees {

    /** "간호학 석사", "경영학과 학사", "통계학 전공 박사". */
    private static final Pattern KOREAN = Pattern.compile("(?<![가-힣])([가-힣]{1,8}학)(?:과|부)?(?:\\s*전공)?\\s*(학사|석사|박사)");

    /** "master's in nursing", "PhD in statistics", "bachelor's degree in economics". */
    private static final Pattern ENGLISH = Pattern.compile(
            "(?i)\\b(master['’]?s|msc|mba|phd|ph\\.d\\.?|doctorate|bachelor['’]?s|bsc)\\s+(?:degree\\s+)?(?:in|of)\\s+([a-z]{4,})");

    private final List<String> lines;

    private Degrees(List<String> lines) {
        this.lines = lines;
    }

    /** Of the documents' lines ({@link CandidateProfiles#lines}, in lower case). */
    static Degrees of(List<String> lines) {
        return new Degrees(lines);
    }

    /** The degree the question states when the documents name its field but never at that level. */
    Optional<String> contradicted(String question) {
        Matcher korean = KOREAN.matcher(question);
        while (korean.find()) {
            if (!korean.group(1).endsWith("대학")) {
                Optional<String> stated = check(korean.group(), korean.group(1), korean.group(2));
                if (stated.isPresent()) {
                    return stated;
                }
            }
        }
        Matcher english = ENGLISH.matcher(question);
        while (english.find()) {
            Optional<String> stated = check(english.group(), english.group(2), english.group(1));
            if (stated.isPresent()) {
                return stated;
            }
        }
        return Optional.empty();
    }

    private Optional<String> check(String stated, String field, String level) {
        String f = field.toLowerCase(Locale.ROOT);
        Pattern asLevel = level(level);
        List<String> withField = lines.stream().filter(line -> line.contains(f)).toList();
        if (withField.isEmpty()
                || withField.stream().anyMatch(line -> asLevel.matcher(line).find())) {
            return Optional.empty();
        }
        return Optional.of(stated);
    }

    /** The ways a line writes a level of degree. */
    private static Pattern level(String level) {
        String l = level.toLowerCase(Locale.ROOT);
        if (l.equals("학사") || l.startsWith("bachelor") || l.equals("bsc")) {
            return Pattern.compile("학사|bachelor|\\bb\\.?sc?\\b|\\bb\\.?a\\.?(?=\\s)|\\bb\\.?eng\\b");
        }
        if (l.equals("석사") || l.startsWith("master") || l.equals("msc") || l.equals("mba")) {
            return Pattern.compile(
                    "석사|master|\\bm\\.?sc?\\b|\\bm\\.?a\\.?(?=\\s)|\\bmba\\b|\\bm\\.?eng\\b|\\bmphil\\b");
        }
        return Pattern.compile("박사|ph\\.?d|doctor");
    }
}
