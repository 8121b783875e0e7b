package dev.protostar.worker.retrieve;

/** Which legs a search uses: both (the product), or one alone (for the retrieval ablation). */
public enum Mode {
    HYBRID,
    VECTOR,
    KEYWORD;

    boolean vector() {
        return this != KEYWORD;
    }

    boolean keyword() {
        return this != VECTOR;
    }
}
