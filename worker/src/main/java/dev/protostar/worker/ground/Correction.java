package dev.protostar.worker.ground;

import dev.protostar.search.text.Sentences;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer with every sentence that states an ungrounded figure removed, and a note saying so — never an
 * ungrounded number passed on silently. If nothing is left, the refusal.
 */
public final class Correction {

    private Correction() {}

    public static String apply(String answer, List<String> ungrounded, Language language) {
        List<String> kept = new ArrayList<>();
        for (String line : answer.split("\\R", -1)) {
            StringBuilder keptLine = new StringBuilder();
            for (String sentence : Sentences.split(line)) {
                if (ungrounded.stream().noneMatch(sentence::contains)) {
                    keptLine.append(keptLine.isEmpty() ? "" : " ").append(sentence);
                }
            }
            if (!keptLine.isEmpty() || line.isBlank()) {
                kept.add(keptLine.toString());
            }
        }
        String text = String.join("\n", kept).strip();
        if (text.isEmpty() || Citations.MARK.matcher(text).results().findAny().isEmpty()) {
            return Phrases.refusal(language, List.of());
        }
        return text + "\n\n" + Phrases.removedFigures(language, ungrounded);
    }
}
