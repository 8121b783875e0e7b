package dev.protostar.loadtest.sim;

import java.util.concurrent.TimeUnit;

/**
 * When each chunk of one answer is due, as an offset from the request's arrival. Chunks
 * {@code 0..tokens-1} carry content: the first after the time to first token, then one per token interval.
 * Chunk {@code tokens} is the finish, sent right after the last token as providers do. A stall delays
 * every chunk from {@code stallBefore} on, so the client sees a silent gap in the middle of the stream.
 *
 * <p>Offsets rather than sleeps between chunks, so a slow write does not push the rest of the stream
 * later and the measured rate stays the configured one.
 */
record Schedule(long ttftNanos, long intervalNanos, int tokens, int stallBefore, long stallNanos) {

    static final int NO_STALL = -1;

    /** @param tokens content chunks; at least one (an empty reply still streams one empty delta) */
    static Schedule of(SimulatorConfig config, int tokens, boolean stall) {
        int chunks = Math.max(1, tokens);
        return new Schedule(
                TimeUnit.MILLISECONDS.toNanos(config.ttftMs()),
                Math.round(1e9 / config.tokensPerSecond()),
                chunks,
                stall ? Math.min(chunks, Math.max(1, chunks / 2)) : NO_STALL,
                TimeUnit.MILLISECONDS.toNanos(config.stallMs()));
    }

    long offsetNanos(int chunk) {
        long offset = ttftNanos + Math.min(chunk, tokens - 1) * intervalNanos;
        return stallBefore != NO_STALL && chunk >= stallBefore ? offset + stallNanos : offset;
    }

    /** Whether the stall falls just before this chunk (counted once, when the stream reaches it). */
    boolean stallsBefore(int chunk) {
        return chunk == stallBefore;
    }

    long finishNanos() {
        return offsetNanos(tokens);
    }
}
