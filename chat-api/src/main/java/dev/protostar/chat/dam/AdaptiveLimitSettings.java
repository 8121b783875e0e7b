package dev.protostar.chat.dam;

import java.time.Duration;

/**
 * Policy numbers of {@link AdaptiveLimit}; {@link #defaults()} says why each value.
 *
 * @param initialLimit slots before the first window has been measured
 * @param minLimit floor of the limit (the workers' ceiling may still be lower)
 * @param maxLimit backstop when the workers report no ceiling
 * @param window shortest measurement window; a window also waits for {@code minSamples}
 * @param minSamples turns a window needs before its p90 counts
 * @param tolerance how far the window's p90 TTFT may exceed the baseline before it counts as queueing
 * @param decreaseSmoothing share of the gradient's cut applied in one window
 * @param baselineSmoothing weight of a window when the baseline rises (it falls faster, at 0.5)
 * @param relearnAfterWindows congested windows in a row after which a higher TTFT is taken as the new normal
 * @param backoffRatio factor applied to the limit on a loss, once a window at most
 * @param minTtft a shorter time to first token means the turn never reached a worker and is not a sample
 */
record AdaptiveLimitSettings(
        int initialLimit,
        int minLimit,
        int maxLimit,
        Duration window,
        int minSamples,
        double tolerance,
        double decreaseSmoothing,
        double baselineSmoothing,
        int relearnAfterWindows,
        double backoffRatio,
        Duration minTtft) {

    AdaptiveLimitSettings {
        if (minLimit < 1 || initialLimit < minLimit || maxLimit < initialLimit) {
            throw new IllegalArgumentException("need 1 <= minLimit <= initialLimit <= maxLimit");
        }
        if (window.isNegative() || window.isZero() || minSamples < 1 || relearnAfterWindows < 1) {
            throw new IllegalArgumentException("window, minSamples and relearnAfterWindows must be positive");
        }
        if (tolerance < 1 || decreaseSmoothing <= 0 || decreaseSmoothing > 1) {
            throw new IllegalArgumentException("need tolerance >= 1 and 0 < decreaseSmoothing <= 1");
        }
        if (baselineSmoothing <= 0 || baselineSmoothing > 1) {
            throw new IllegalArgumentException("need 0 < baselineSmoothing <= 1");
        }
        if (backoffRatio < 0.5 || backoffRatio >= 1 || minTtft.isNegative() || minTtft.isZero()) {
            throw new IllegalArgumentException("need 0.5 <= backoffRatio < 1 and a positive minTtft");
        }
    }

    /** These settings with other bounds (protostar.dam.limit). */
    AdaptiveLimitSettings withBounds(int initial, int min, int max) {
        return new AdaptiveLimitSettings(
                initial,
                min,
                max,
                window,
                minSamples,
                tolerance,
                decreaseSmoothing,
                baselineSmoothing,
                relearnAfterWindows,
                backoffRatio,
                minTtft);
    }

    static AdaptiveLimitSettings defaults() {
        return new AdaptiveLimitSettings(
                // modest start, as Netflix's limits: a used limit grows by sqrt(limit) per window
                20,
                // a floor that still lets a few turns through, so the controller keeps seeing samples
                4,
                // only a backstop: the workers' reported ceiling is the real cap
                1000,
                // several first tokens of a busy pool per window; shorter is noise, longer reacts late
                Duration.ofSeconds(1),
                // a p90 of fewer than ~20 turns rests on one or two of them
                20,
                // LLM TTFT is noisy; 1.5 is Gradient2's tolerance and leaves queueing of half a TTFT
                1.5,
                // half the gradient's cut: a slot is held for the whole stream, so in-flight is mostly
                // streaming turns and a TTFT ratio over-states how far it is past capacity
                0.5,
                // a permanent TTFT shift is half learned in about 7 windows, a congestion spike never
                0.1,
                // our own queueing answers a cut within a window or two; still high after 3 is the task mix
                3,
                // gentle (Netflix moved Gradient from 0.5 to 0.9, #146): losses come in bursts
                0.9,
                // no real first token comes in under 1 ms; such times are rejections (#176)
                Duration.ofMillis(1));
    }
}
