package dev.protostar.worker.memory;

import java.util.List;

/**
 * What a session remembers before its next turn: a summary of every turn up to {@code foldedThrough}, and the
 * turns after it verbatim, oldest first.
 */
public record Memory(String summary, int summaryTokens, int foldedThrough, List<Turn> recent) {

    public static final Memory EMPTY = new Memory("", 0, 0, List.of());

    public boolean isEmpty() {
        return summary.isBlank() && recent.isEmpty();
    }
}
