package dev.protostar.worker.memory;

import java.util.List;

/**
 * The summary without a language model: one line per folded turn, its facts verbatim ({@link FactLines}) and
 * nothing the summary already says, appended in order. It writes no word of its own, so it cannot lose or
 * alter a figure.
 */
final class ExtractiveSummarizer implements Summarizer {

    private final FactLines lines;

    ExtractiveSummarizer(FactLines lines) {
        this.lines = lines;
    }

    @Override
    public String fold(String summary, List<Turn> turns) {
        StringBuilder folded = new StringBuilder(summary.strip());
        for (Turn turn : turns) {
            if (!folded.isEmpty()) {
                folded.append('\n');
            }
            folded.append(lines.line(lines.facts(turn), folded.toString()));
        }
        return folded.toString();
    }
}
