package dev.protostar.chat.dam;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The dam's capacity controller: how many turns may stream at once. A turn holds one slot from admission
 * to the end of its stream.
 *
 * <p>Once per window (at least {@link AdaptiveLimitSettings#minSamples()} samples), the window's p90
 * time to first token is compared with a baseline: {@code g = clamp(0.5, 1, tolerance * baseline / p90)}
 * and {@code limit = limit * (1 - decreaseSmoothing * (1 - g)) + headroom}; with the default smoothing of
 * 0.5 one window cuts at most a quarter. The headroom ({@code sqrt(limit)}) is added only when TTFT holds
 * its baseline ({@code g >= 0.98}) and the window reached ~80% of the limit, so neither modest overload
 * (Netflix concurrency-limits #134) nor an idle pool can make the limit creep. Losses (429, timeouts,
 * failures) cut the limit by the backoff ratio at most once a window, so a burst of them costs one step.
 *
 * <p>The baseline falls fast but rises only on evidence that a higher TTFT is not queueing we cause: in
 * windows that did not use the limit, or after TTFT stayed high through several cuts in a row (the task
 * mix changed, e.g. longer prompts). It is never a pinned minimum, so the limit cannot stay at its floor.
 *
 * <p>Report each turn once: {@link #onSample} when its first token arrives, {@link #onDrop} when it is
 * lost. A turn cancelled by its client, expired before it reached a worker, or rejected by the dam is
 * reported to neither: its time says nothing about the workers (#146, #176). Thread-safe; no I/O.
 */
final class AdaptiveLimit {

    /** A loss: each says the turns already went past what the workers and provider can take. */
    enum Drop {
        /** The provider answered 429. */
        BACKPRESSURE,
        /** No first token before the deadline, or the stream stalled; never a fast sample (#137). */
        TIMEOUT,
        /** The turn failed at the worker or the provider. */
        FAILURE
    }

    /** At or above this gradient TTFT holds its baseline; a little below it is noise, not growth (#134). */
    private static final double HEALTHY_GRADIENT = 0.98;
    /** A window whose busiest admission saw this share of the limit was limited by it. */
    private static final double USED_SHARE = 0.8;
    /** The baseline falls half-way to a lower p90 per window: lower TTFT is never caused by overload. */
    private static final double BASELINE_FALL = 0.5;

    private final AdaptiveLimitSettings settings;
    private final LongSupplier nanoTime;
    private final long windowNanos;
    private final long minTtftNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final TtftWindow window = new TtftWindow();

    private volatile int limit;
    private volatile long windowStart;
    private double estimate;
    private double baseline = Double.NaN;
    private int ceiling;
    private int congestedWindows;
    private boolean relearning;
    private long lastBackoff;
    private boolean backedOff;

    AdaptiveLimit(AdaptiveLimitSettings settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.windowNanos = settings.window().toNanos();
        this.minTtftNanos = settings.minTtft().toNanos();
        this.windowStart = nanoTime.getAsLong();
        setEstimate(settings.initialLimit());
    }

    /** Slots the dam may hand out now; reflects every window that has ended. */
    int limit() {
        long now = nanoTime.getAsLong();
        if (now - windowStart >= windowNanos) {
            locked(() -> closeWindowIfDue(now));
        }
        return limit;
    }

    /** The workers' summed reported capacity; the limit never exceeds it. Zero or less means unknown. */
    void ceiling(int slots) {
        locked(() -> {
            ceiling = Math.max(0, slots);
            setEstimate(estimate);
        });
    }

    /**
     * A turn's time from admission to first token (queueing at the worker included), and the turns in
     * flight when it was admitted, itself included.
     */
    void onSample(long ttftNanos, int inFlightAtStart) {
        if (ttftNanos < minTtftNanos) {
            return; // never reached a worker: an ~0 time would read as a fast, idle pool (#176)
        }
        long now = nanoTime.getAsLong();
        locked(() -> {
            closeWindowIfDue(now);
            window.add(ttftNanos, inFlightAtStart);
        });
    }

    /** A lost turn: backs off at once, but at most once a window however many losses arrive. */
    void onDrop(Drop reason) {
        Objects.requireNonNull(reason, "reason");
        long now = nanoTime.getAsLong();
        locked(() -> {
            closeWindowIfDue(now);
            window.markDropped();
            if (!backedOff || now - lastBackoff >= windowNanos) {
                backedOff = true;
                lastBackoff = now;
                setEstimate(estimate * settings.backoffRatio());
            }
        });
    }

    private void closeWindowIfDue(long now) {
        if (now - windowStart < windowNanos || window.size() < settings.minSamples()) {
            return; // a short window keeps collecting: a p90 of a few turns is noise
        }
        update(window.p90(), window.maxInFlight(), window.dropped());
        window.clear();
        windowStart = now;
    }

    private void update(double p90, int maxInFlight, boolean dropped) {
        if (Double.isNaN(baseline)) {
            baseline = p90;
        }
        double gradient = Math.clamp(settings.tolerance() * baseline / p90, 0.5, 1.0);
        boolean healthy = gradient >= HEALTHY_GRADIENT;
        boolean used = maxInFlight >= USED_SHARE * estimate;
        congestedWindows = healthy ? 0 : congestedWindows + 1;
        learnBaseline(p90, used);
        double cut = settings.decreaseSmoothing() * (1 - gradient);
        double headroom = healthy && used && !dropped ? Math.sqrt(estimate) : 0;
        setEstimate(estimate * (1 - cut) + headroom);
    }

    private void learnBaseline(double p90, boolean used) {
        if (p90 <= baseline) {
            baseline += BASELINE_FALL * (p90 - baseline);
            relearning = false;
            return;
        }
        // TTFT that stays high through cut after cut is not our queueing: follow it until caught up.
        relearning |= congestedWindows >= settings.relearnAfterWindows();
        if (!used || relearning) {
            // Only here: in a busy window a higher TTFT is our own queueing, and following it would let
            // the limit and the queue feed each other (Gradient2's drift, #134).
            baseline += settings.baselineSmoothing() * (p90 - baseline);
        }
    }

    /** The workers' ceiling beats the floor: slots beyond what they run only queue. */
    private void setEstimate(double value) {
        int cap = ceiling > 0 ? Math.min(settings.maxLimit(), ceiling) : settings.maxLimit();
        estimate = Math.clamp(value, Math.min(settings.minLimit(), cap), cap);
        limit = Math.max(1, (int) estimate);
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
