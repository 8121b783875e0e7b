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

    /** "his MSc at Copenhagen Business School", "a master's from Aarhus". */
    private static final Pattern ENGLISH_SCHOOL = Pattern.compile(
            "(?i:\\b(master['’]?s|msc|mba|phd|ph\\.d\\.?|doctorate|bachelor['’]?s|bsc))(?:\\s+(?i:degree))?\\s+(?i:at|from)\\s+"
                    + "((?:of\\s+|[A-Z][\\p{L}&.'’-]*\\s*){1,6})");

    /** "서울대 석사", "항공대에서 학사", "한빛대학교 대학원 석사". */
    private static final Pattern KOREAN_SCHOOL =
            Pattern.compile("([가-힣]{2,12}대(?:학교)?)(?:\\s*대학원)?\\s*(?:에서\\s*)?(학사|석사|박사)");

    /** "항공운항학과", "경영학부": a department, named by what comes before 학과 or 학부. */
    private static final Pattern KOREAN_DEPARTMENT =
            Pattern.compile("(?<![가-힣])(?!무슨|어느|어떤|같은|다른)([가-힣]{2,10}?)학?(?:학과|학부)");

    /** A line of the documents that names a Korean department or major. */
    private static final Pattern DEPARTMENT_LINE = Pattern.compile("학과|학부|전공");

    private static final Pattern GRADUATED = Pattern.compile("학사|석사|박사|졸업");

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
        // a field or a school, and the level stated with it: a degree at a school the documents name only for another
        // degree ("his MSc at Copenhagen Business School" of a BSc there and an MSc at Aarhus) is contradicted too
        for (Stated stated : STATED) {
            Matcher m = stated.pattern().matcher(question);
            while (m.find()) {
                String where = m.group(stated.where()).strip();
                if (where.endsWith("대학") && stated.pattern() == KOREAN) {
                    continue; // "어느 대학 석사": a university is no field
                }
                Optional<String> contradicted = check(m.group().strip(), where, m.group(stated.level()));
                if (contradicted.isPresent()) {
                    return contradicted;
                }
            }
        }
        return department(question);
    }

    /** How a question states a degree: the group of its field or school, and of its level. */
    private record Stated(Pattern pattern, int where, int level) {}

    private static final List<Stated> STATED = List.of(
            new Stated(KOREAN, 1, 2),
            new Stated(ENGLISH, 2, 1),
            new Stated(ENGLISH_SCHOOL, 2, 1),
            new Stated(KOREAN_SCHOOL, 1, 2));

    /**
     * A department the documents do not name, where they name the candidate's own: "항공운항학과 나왔던데" of a
     * 항공교통물류학부 graduate.
     */
    private Optional<String> department(String question) {
        boolean namesOne = lines.stream()
                .anyMatch(line -> DEPARTMENT_LINE.matcher(line).find()
                        && GRADUATED.matcher(line).find());
        if (!namesOne) {
            return Optional.empty();
        }
        Matcher named = KOREAN_DEPARTMENT.matcher(question);
        while (named.find()) {
            String field = named.group(1);
            if (lines.stream().noneMatch(line -> line.contains(field))) {
                return Optional.of(named.group());
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
