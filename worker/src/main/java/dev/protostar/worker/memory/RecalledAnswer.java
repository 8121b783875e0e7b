package dev.protostar.worker.memory;

import dev.protostar.worker.ground.Language;
import dev.protostar.worker.ground.Phrases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer as a later prompt recalls it: every sentence and note of it, without what only made sense when it
 * was shown. Its citation markers are gone — {@code [1]} there named an excerpt of that turn's prompt, and in
 * the next prompt {@code [1]} is another excerpt; the opening "From the candidate's documents:" says nothing;
 * a heading over several quoted lines ("- Klarna — Senior Data Engineer: …") is written once, its lines
 * under it. Nothing else changes, so no figure or name can be lost.
 */
final class RecalledAnswer {

    private static final Pattern CITATIONS = Pattern.compile("\\s*(?:\\[\\d+])+");

    /** A quoted line of an extractive answer: "- heading: sentence" (its citations already gone). */
    private static final Pattern QUOTED = Pattern.compile("^- (.+?): (.+)$");

    private static final List<String> LEADS = List.of(Phrases.lead(Language.KOREAN), Phrases.lead(Language.ENGLISH));

    private RecalledAnswer() {}

    static String of(String answer) {
        List<String> lines = new ArrayList<>();
        for (String line : answer.strip().split("\\R")) {
            lines.add(CITATIONS.matcher(line).replaceAll("").stripTrailing());
        }
        if (!lines.isEmpty() && LEADS.contains(lines.getFirst().strip())) {
            lines.removeFirst();
        }
        StringBuilder recalled = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            if (!QUOTED.matcher(lines.get(i)).matches()) {
                append(recalled, lines.get(i++));
                continue;
            }
            // A run of quoted lines: grouped by heading, in the order the headings first appear.
            Map<String, List<String>> byHeading = new LinkedHashMap<>();
            while (i < lines.size()) {
                Matcher quoted = QUOTED.matcher(lines.get(i));
                if (!quoted.matches()) {
                    break;
                }
                byHeading
                        .computeIfAbsent(quoted.group(1), h -> new ArrayList<>())
                        .add(quoted.group(2));
                i++;
            }
            byHeading.forEach((heading, sentences) -> {
                if (sentences.size() == 1) {
                    append(recalled, "- " + heading + ": " + sentences.getFirst());
                } else {
                    append(recalled, heading + ":");
                    sentences.forEach(sentence -> append(recalled, "- " + sentence));
                }
            });
        }
        return recalled.toString().strip();
    }

    private static void append(StringBuilder text, String line) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(line);
    }
}
