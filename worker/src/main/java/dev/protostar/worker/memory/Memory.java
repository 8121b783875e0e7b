package dev.protostar.worker.memory;

import java.util.List;

/**
 * What a session remembers before its next turn: a summary of every turn up to {@code foldedThrough}, and the
 * turns after it verbatim, oldest first.
 */
public record Memory(String summary, int summaryTokens, int foldedThrough, List<Turn> recent) {

    public static final Memory EMPTY = new Memory("", 0, 0, List.of());

    /**
     * The latest turn as what a follow-up's "that" may point at: its question, then its answer — or, when
     * every turn is folded, the summary's last line.
     */
    public List<String> latest() {
        if (!recent.isEmpty()) {
            return List.of(recent.getLast().question(), recent.getLast().answer());
        }
        String[] lines = summary.strip().split("\\R");
        return summary.isBlank() ? List.of() : List.of(lines[lines.length - 1]);
    }

    public boolean isEmpty() {
        return summary.isBlank() && recent.isEmpty();
    }
}
