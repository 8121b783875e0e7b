package dev.protostar.worker.ground;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the documents state of a thing ("126 valid reports in the first year"), so that a question taking another
 * count of the same thing for granted ("got like 300 valid reports in yr one??") is a premise they contradict.
 * Only English plural nouns after a number; a count within a quarter of one the documents state is the same count
 * hedged ("about 120 valid reports").
 */
final class Counts {

    /** A number and the one or two words it counts, the last a plural: "300 valid reports", "12 engineers". */
    private static final Pattern COUNTED =
            Pattern.compile("(?<![\\d.,$€£])(\\d[\\d,]*(?:\\.\\d+)?)\\+?\\s+((?:[a-z][a-z-]+\\s+)?[a-z][a-z-]+s)\\b");

    /** Lengths and rates are not things counted: the timeline and the units check judge those. */
    private static final Pattern NOT_A_THING =
            Pattern.compile("(?:years|yrs|months|weeks|days|hours|minutes|seconds|times|percent|points|users)$");

    private static final Pattern DIGIT = Pattern.compile("\\d");

    private final List<String> lines;

    private Counts(List<String> lines) {
        this.lines = lines;
    }

    /** Of the documents' lines ({@link CandidateProfiles#lines}), those with a figure. */
    static Counts of(List<String> lines) {
        return new Counts(
                lines.stream().filter(line -> DIGIT.matcher(line).find()).toList());
    }

    /** The count the question states ("300 valid reports") when the documents count the same thing otherwise. */
    Optional<String> contradicted(String question) {
        Optional<String> team = teamContradicted(question.toLowerCase(Locale.ROOT));
        if (team.isPresent()) {
            return team;
        }
        Matcher counted = COUNTED.matcher(question.toLowerCase(Locale.ROOT));
        while (counted.find()) {
            String thing = counted.group(2);
            if (NOT_A_THING.matcher(thing).find()) {
                continue;
            }
            double claimed = number(counted.group(1));
            // the documents may say which kind: "40 test procedures" are counted in "140+ verification test procedures"
            Pattern stated = Pattern.compile("(?<![\\d.,$€£])(\\d[\\d,]*(?:\\.\\d+)?)\\+?\\s+(?:[a-z][a-z-]+\\s+)?"
                    + Pattern.quote(thing) + "\\b");
            List<Double> counts = new ArrayList<>();
            for (String line : lines) {
                Matcher m = stated.matcher(line);
                while (m.find()) {
                    counts.add(number(m.group(1)));
                }
            }
            if (!counts.isEmpty() && counts.stream().allMatch(count -> Math.abs(claimed - count) > 0.25 * count)) {
                return Optional.of(counted.group().strip());
            }
        }
        return Optional.empty();
    }

    /** A team sized by a hyphened word: "a 10-person team". */
    private static final String SIZED = "\\b(\\d+)-(?:person|member|people)\\b";

    /** A team's size: "a team of 10", "a 10-person team". */
    private static final Pattern TEAM = Pattern.compile("\\bteam\\s+of\\s+(\\d+)\\b|" + SIZED);

    /** The documents' team sizes, a team of two kinds counted whole: "a test team of 4 engineers and 2 technicians" is 6. */
    private static final Pattern STATED_TEAM =
            Pattern.compile("(?i)\\bteam\\s+of\\s+(\\d+)(?:\\s+[a-z-]+(?:\\s+and\\s+(\\d+)\\s+[a-z-]+)?)?|" + SIZED);

    /** A team size the question takes for granted when every team the documents size is another size. */
    private Optional<String> teamContradicted(String question) {
        Matcher claimed = TEAM.matcher(question);
        if (!claimed.find()) {
            return Optional.empty();
        }
        double size = number(claimed.group(1) != null ? claimed.group(1) : claimed.group(2));
        List<Double> sizes = new ArrayList<>();
        for (String line : lines) {
            Matcher m = STATED_TEAM.matcher(line);
            while (m.find()) {
                if (m.group(3) != null) {
                    sizes.add(number(m.group(3)));
                } else {
                    sizes.add(number(m.group(1)));
                    if (m.group(2) != null) {
                        sizes.add(number(m.group(1)) + number(m.group(2)));
                    }
                }
            }
        }
        // a team's size is no estimate: another number is another team
        return !sizes.isEmpty() && sizes.stream().allMatch(stated -> stated != size)
                ? Optional.of(claimed.group())
                : Optional.empty();
    }

    private static double number(String written) {
        return Double.parseDouble(written.replace(",", ""));
    }
}
