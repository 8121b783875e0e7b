package dev.protostar.worker.memory;

import java.util.List;

/** Folds turns into a running summary. */
public interface Summarizer {

    /**
     * The summary with {@code turns} (the oldest not yet in it, in order) folded in: built from the summary so
     * far and these turns only, never from the whole history again.
     */
    String fold(String summary, List<Turn> turns);
}
