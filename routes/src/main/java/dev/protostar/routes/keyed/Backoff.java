package dev.protostar.routes.keyed;

/**
 * Waits that double after each failure in a row, from {@code initialMs} up to {@code maxMs}: a broker
 * or dead-letter topic that is away is asked again soon, but not hammered while it stays away.
 * Not thread-safe: one per retrying thread.
 */
final class Backoff {

    private final long initialMs;
    private final long maxMs;
    private long nextMs;

    Backoff(long initialMs, long maxMs) {
        if (initialMs <= 0 || maxMs < initialMs) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= max: " + initialMs + ", " + maxMs);
        }
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.nextMs = initialMs;
    }

    /** The wait before the next try; each call doubles the one after, up to the max. */
    long next() {
        long wait = nextMs;
        nextMs = Math.min(maxMs, nextMs * 2);
        return wait;
    }

    /** A try succeeded: the next failure waits the initial time again. */
    void reset() {
        nextMs = initialMs;
    }
}
