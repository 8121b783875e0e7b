package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.PdfLines.Line;
import dev.protostar.ingestion.parse.PdfLines.Segment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Drops what a page carries that is not the resume: running headers and footers (the same text at the same
 * height on two pages or more — "Confidential" — or a small copy of a larger line, as a header repeating the
 * candidate's name is, even on a one-page resume) and page numbers ("3", "- 3 -", "Page 3 of 4", "3 / 4",
 * "3쪽"). Only the top and bottom {@link #MARGIN} of a page is looked at, where page furniture lives; a figure
 * in the body is never a page number.
 */
final class RunningText {

    /** Page headers and footers sit in the margins: about 5% of the page; 10% leaves room for large ones. */
    private static final float MARGIN = 0.10f;
    /** How far apart the same header may be drawn on two pages, in points. */
    private static final float SAME_PLACE = 3f;

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?:page|p\\.|pg\\.?|페이지)?\\s*[-–—(\\[]?\\s*\\d{1,3}\\s*[-–—)\\]]?"
                    + "\\s*(?:(?:/|of|\\|)\\s*\\d{1,3})?\\s*(?:페이지|쪽|면|page)?",
            Pattern.CASE_INSENSITIVE);

    private RunningText() {}

    /**
     * @param pages each page's lines, top to bottom
     * @param heights each page's height
     * @return the same lines without page furniture; a line keeps what is left of it
     */
    static List<List<Line>> drop(List<List<Line>> pages, List<Float> heights) {
        Map<String, List<float[]>> seen = new HashMap<>();
        Map<String, Float> sizes = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            for (Line line : pages.get(p)) {
                sizes.merge(key(line.text()), line.size(), Math::max);
                if (inMargin(line, heights.get(p))) {
                    for (Segment segment : line.segments()) {
                        seen.computeIfAbsent(key(segment.text()), k -> new ArrayList<>())
                                .add(new float[] {p, line.baseline()});
                    }
                }
            }
        }
        var out = new ArrayList<List<Line>>();
        for (int p = 0; p < pages.size(); p++) {
            var kept = new ArrayList<Line>();
            for (Line line : pages.get(p)) {
                if (!inMargin(line, heights.get(p))) {
                    kept.add(line);
                    continue;
                }
                List<Segment> parts = line.segments().stream()
                        .filter(s -> !isPageNumber(s)
                                && sizes.getOrDefault(key(s.text()), 0f) <= s.size() * 1.1f
                                && !repeats(seen.get(key(s.text())), line.baseline()))
                        .toList();
                if (!parts.isEmpty()) {
                    kept.add(line.with(parts));
                }
            }
            out.add(kept);
        }
        return out;
    }

    private static boolean inMargin(Line line, float height) {
        return line.baseline() < height * MARGIN || line.baseline() > height * (1 - MARGIN);
    }

    /** Page numbers inside a running header ("Kim Seoyeon — 2") must not make every page's header different. */
    static String key(String text) {
        return Text.collapse(text).replaceAll("\\d+", "#").toLowerCase(Locale.ROOT);
    }

    private static boolean isPageNumber(Segment segment) {
        return isPageNumber(segment.text());
    }

    static boolean isPageNumber(String text) {
        return PAGE_NUMBER.matcher(text.strip()).matches();
    }

    /** Drawn at about this height on another page too. */
    private static boolean repeats(List<float[]> places, float baseline) {
        if (places == null) {
            return false;
        }
        long pages = places.stream()
                .filter(place -> Math.abs(place[1] - baseline) <= SAME_PLACE)
                .mapToInt(place -> (int) place[0])
                .distinct()
                .count();
        return pages >= 2;
    }
}
