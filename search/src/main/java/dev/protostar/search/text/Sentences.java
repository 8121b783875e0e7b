package dev.protostar.search.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits text into sentences, Korean and English alike: at line breaks (resumes are mostly one fact per
 * line) and at sentence ends, but not inside numbers ({@code 99.9%}, {@code 2019.03}) or after common
 * abbreviations ({@code B.S.}, {@code M.Sc.}, {@code e.g.}, {@code St.}).
 */
public final class Sentences {

    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?i)(?:\\b(?:e\\.g|i\\.e|etc|vs|inc|ltd|co|corp|dr|mr|ms|mrs|prof|no|jr|sr|approx|dept|univ"
                    // places: "St. Agatha Children's Hospital", "Mt. Sinai", "5th Ave."
                    + "|st|mt|ft|ave|blvd)|\\b[A-Z]"
                    // degrees written with dots: "M.Sc.", "B.Sc.", "Ph.D.", "M.Eng."
                    + "|\\b\\p{L}{1,3}\\.\\p{L}{1,4})\\.$");

    private Sentences() {}

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        for (String line : text.split("\\R")) {
            splitLine(line.strip(), sentences);
        }
        return sentences;
    }

    private static void splitLine(String line, List<String> into) {
        if (line.isEmpty()) {
            return;
        }
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
        breaks.setText(line);
        StringBuilder pending = new StringBuilder();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            pending.append(line, start, end);
            String candidate = pending.toString().strip();
            if (end < line.length() && ABBREVIATION.matcher(candidate).find()) {
                continue;
            }
            if (!candidate.isEmpty()) {
                into.add(candidate);
            }
            pending.setLength(0);
        }
        String rest = pending.toString().strip();
        if (!rest.isEmpty()) {
            into.add(rest);
        }
    }
}
