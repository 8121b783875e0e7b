package dev.protostar.chat.dam;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dam's policy numbers (protostar.dam.*); application.yml says why each value.
 *
 * @param limit the adaptive concurrency limit's bounds
 * @param bulkShare share of the limit bulk turns may fill; the rest stays free for people waiting
 * @param replayShare share of the limit replayed (load-test) turns may fill
 * @param promptTokens tokens a turn's prompt costs besides the question (rules, summary, excerpts): the
 *     reservation's estimate, settled to the real count when the turn ends
 * @param outputTokens tokens reserved for the answer
 * @param minDeadline the shortest deadline a client may ask for (the longest, and the default, is
 *     protostar.chat.deadline)
 * @param statusFreshness a worker heartbeat older than this no longer counts
 * @param leaseGrace a slot whose turn is past its deadline by this much is taken back (its end was lost)
 * @param shadow gates counted but not enforced, by name (capacity, deadline, breaker)
 * @param mode {@code dam}, or a baseline the benchmark compares it with (never in production)
 * @param baselineSize the permits of the static baselines (throttle, bulkhead)
 */
@ConfigurationProperties("protostar.dam")
public record DamProperties(
        Limit limit,
        double bulkShare,
        double replayShare,
        int promptTokens,
        int outputTokens,
        Duration minDeadline,
        Duration statusFreshness,
        Duration leaseGrace,
        java.util.Set<String> shadow,
        Mode mode,
        int baselineSize) {

    public DamProperties {
        shadow = shadow == null ? java.util.Set.of() : java.util.Set.copyOf(shadow);
        mode = mode == null ? Mode.DAM : mode;
    }

    /** The dam, or one of the baselines of the dam benchmark. */
    public enum Mode {
        DAM,
        NONE,
        THROTTLE,
        BULKHEAD,
        GRADIENT2
    }

    /** Bounds of the adaptive limit, in turns in flight (a turn holds one slot from admission to its end). */
    public record Limit(int initial, int min, int max) {}

    boolean shadowed(String gate) {
        return shadow.contains(gate);
    }
}
