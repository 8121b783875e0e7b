package dev.protostar.worker.generate;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The model streams this worker holds open at the provider, and how many the provider takes at once as far
 * as its refusals tell: a 429 while {@code n} streams were open says {@code n} is what it holds for us. That
 * count goes out as the worker's capacity (never above max-in-flight), so the dam admits what the model can
 * serve instead of learning it from turns that waited out a 429. A provider may grow: after a quiet
 * {@code probeAfter} at the learned count, one more is allowed, and the next refusal corrects it. A provider
 * that never refuses leaves the capacity unknown, and the dam's own limit (from time to first token) rules.
 */
public final class ModelStreams {

    private static final int UNKNOWN = -1;

    private final long probeNanos;
    private final LongSupplier nanoTime;
    private int open;
    private int learned = UNKNOWN;
    private long learnedAt;
    private boolean reached;

    public ModelStreams(Duration probeAfter, LongSupplier nanoTime) {
        this.probeNanos = probeAfter.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A stream is about to be requested. */
    synchronized void opening() {
        open++;
        reached |= learned != UNKNOWN && open >= learned;
    }

    /** A stream ended, or its request failed. */
    synchronized void closed() {
        open--;
    }

    /** The provider refused one more stream (429) while the others stay open; call after {@link #closed}. */
    synchronized void refused() {
        learned = Math.max(1, open);
        learnedAt = nanoTime.getAsLong();
        reached = false;
    }

    /** Streams open now. */
    public synchronized int open() {
        return open;
    }

    /** What this worker can hold at once: {@code configured}, or fewer when the provider said so. */
    public synchronized int capacity(int configured) {
        if (learned == UNKNOWN) {
            return configured;
        }
        long now = nanoTime.getAsLong();
        if (reached && now - learnedAt >= probeNanos) {
            learned++;
            learnedAt = now;
            reached = false;
        }
        return Math.min(configured, learned);
    }
}
