package dev.protostar.chat.dam;

import java.util.Arrays;

/**
 * What one measurement window of {@link AdaptiveLimit} saw. Not thread-safe: the controller's lock guards
 * it.
 */
final class TtftWindow {

    private long[] ttfts = new long[64];
    private int size;
    private int maxInFlight;
    private boolean dropped;

    void add(long ttftNanos, int inFlightAtStart) {
        if (size == ttfts.length) {
            ttfts = Arrays.copyOf(ttfts, size * 2);
        }
        ttfts[size++] = ttftNanos;
        maxInFlight = Math.max(maxInFlight, inFlightAtStart);
    }

    void markDropped() {
        dropped = true;
    }

    int size() {
        return size;
    }

    /** The most turns in flight at any admission in this window: shows whether the limit was reached. */
    int maxInFlight() {
        return maxInFlight;
    }

    boolean dropped() {
        return dropped;
    }

    /**
     * The 90th percentile, not the mean: queueing shows first in the tail, and a p90 cannot be pulled
     * down by a handful of very short turns.
     */
    long p90() {
        long[] sorted = Arrays.copyOf(ttfts, size);
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(size * 0.9) - 1)];
    }

    void clear() {
        size = 0;
        maxInFlight = 0;
        dropped = false;
    }
}
