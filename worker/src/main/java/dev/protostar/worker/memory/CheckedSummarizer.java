package dev.protostar.worker.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, not hopes, that a summary kept the facts of the turns folded into it: every number of those turns
 * and every name its answer was about (the subjects of {@link FactLines}: employers, schools, projects) must
 * still be in the summary; for a turn that lost one, its extractive line is appended.
 * Wraps whatever summarises (a language model may paraphrase "3년 7개월" into "about four years").
 */
final class CheckedSummarizer implements Summarizer {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    private final Summarizer summarizer;
    private final FactLines lines;

    CheckedSummarizer(Summarizer summarizer, FactLines lines) {
        this.summarizer = summarizer;
        this.lines = lines;
    }

    @Override
    public String fold(String summary, List<Turn> turns) {
        String folded = summarizer.fold(summary, turns);
        StringBuilder repaired = new StringBuilder(folded);
        // A model rewrites the whole summary: a line of it that lost a figure or a name comes back as it was.
        for (String line : summary.split("\\R")) {
            if (!numbersMissing(line, folded).isEmpty()
                    || lines.parse(line).stream()
                            .flatMap(facts -> facts.subjects().stream())
                            .anyMatch(name -> !folded.contains(name))) {
                repaired.append('\n').append(line);
            }
        }
        for (Turn turn : turns) {
            if (!missing(turn, folded).isEmpty() || !missingNames(turn, folded).isEmpty()) {
                repaired.append('\n').append(lines.line(lines.facts(turn)));
            }
        }
        return repaired.toString();
    }

    /** The names the turn's answer was about that the summary does not contain. */
    List<String> missingNames(Turn turn, String summary) {
        return lines.facts(turn).subjects().stream()
                .filter(s -> !summary.contains(s))
                .toList();
    }

    /** The numbers of the turn the summary does not contain. */
    static List<String> missing(Turn turn, String summary) {
        return numbersMissing(turn.question() + "\n" + turn.answer(), summary);
    }

    private static List<String> numbersMissing(String text, String summary) {
        List<String> missing = new ArrayList<>();
        Matcher number = NUMBER.matcher(text.replaceAll("\\[\\d+]", ""));
        while (number.find()) {
            if (!summary.contains(number.group())) {
                missing.add(number.group());
            }
        }
        return missing;
    }
}
