package dev.protostar.worker.ground;

import dev.protostar.worker.retrieve.Hit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every number in an answer must appear in a chunk the answer cites — checked in code, not hoped for from
 * the prompt. Numbers are compared without thousands separators ({@code 12,000} = {@code 12000}); a
 * citation mark {@code [2]} is not a number of the answer.
 */
public final class NumberCheck {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    private NumberCheck() {}

    /** The answer's numbers that no cited chunk contains, as written in the answer. */
    public static List<String> ungrounded(String answer, List<Hit> sources) {
        StringBuilder cited = new StringBuilder();
        Matcher mark = Citations.MARK.matcher(answer);
        while (mark.find()) {
            int n = Integer.parseInt(mark.group(1));
            if (n >= 1 && n <= sources.size()) {
                Hit hit = sources.get(n - 1);
                cited.append(hit.section()).append('\n').append(hit.text()).append('\n');
            }
        }
        Set<String> known = numbers(cited.toString());
        Set<String> missing = new LinkedHashSet<>();
        Matcher number = NUMBER.matcher(Citations.MARK.matcher(answer).replaceAll(" "));
        while (number.find()) {
            if (!known.contains(normalize(number.group()))) {
                missing.add(number.group());
            }
        }
        return new ArrayList<>(missing);
    }

    static Set<String> numbers(String text) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            String whole = normalize(number.group());
            numbers.add(whole);
            // "2019.03" also states 2019; "99.9" states 99.9 only.
            for (String part : number.group().split("[.,]")) {
                numbers.add(part);
            }
        }
        return numbers;
    }

    private static String normalize(String number) {
        return number.replaceAll("(?<=\\d),(?=\\d{3})", "");
    }
}
