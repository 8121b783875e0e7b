package dev.protostar.chat.dam;

import dev.protostar.kafka.message.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the workers say they can do, from their heartbeats on {@code worker-status}: the dam never admits
 * more than the active workers' summed capacity, reads their queueing delay, and sheds while their LLM
 * breakers are open. A heartbeat older than the freshness window no longer counts (that worker is gone).
 */
public class Workers {

    private final Map<String, WorkerStatus> latest = new ConcurrentHashMap<>();
    private final Duration freshness;
    private final InstantSource clock;
    private final int instances;

    /** @param instances chat-api instances sharing the workers: each admits its share of their capacity */
    Workers(Duration freshness, InstantSource clock, int instances) {
        this.freshness = freshness;
        this.clock = clock;
        this.instances = instances;
    }

    void accept(WorkerStatus status) {
        latest.merge(status.workerId(), status, (old, now) -> now.at().isBefore(old.at()) ? old : now);
    }

    private List<WorkerStatus> active() {
        Instant oldest = clock.instant().minus(freshness);
        return latest.values().stream()
                .filter(s -> s.role() == WorkerStatus.Role.ACTIVE && s.at().isAfter(oldest))
                .toList();
    }

    /** Summed capacity of the live active workers; empty while none is heard from (then the dam's own limit rules). */
    public Optional<Integer> capacity() {
        List<WorkerStatus> active = active();
        return active.isEmpty()
                ? Optional.empty()
                : Optional.of(active.stream().mapToInt(WorkerStatus::capacity).sum());
    }

    /** This chat-api instance's share of {@link #capacity}, rounded up so that a small pool is never shut. */
    Optional<Integer> share() {
        return capacity().map(slots -> Math.ceilDiv(slots, instances));
    }

    /** How long a turn admitted now waits before a worker starts it: the youngest of the workers' oldest queued turns. */
    public Duration queueDelay() {
        return Duration.ofMillis(
                active().stream().mapToLong(WorkerStatus::oldestQueuedMs).min().orElse(0));
    }

    /**
     * While every live worker's LLM breaker is open, how long until the first one tries again. One open
     * breaker among closed ones only means that worker's turns fail fast; the others still answer. A worker
     * set to answer offline while its breaker is open reports OPEN_OFFLINE: it still answers, so it is
     * not counted as open here (protostar.llm.on-breaker-open on the worker decides).
     */
    public Optional<Duration> breakerOpen() {
        List<WorkerStatus> active = active();
        if (active.isEmpty() || active.stream().anyMatch(s -> !"OPEN".equals(s.breaker()))) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(active.stream()
                .mapToLong(WorkerStatus::breakerOpenRemainingMs)
                .min()
                .orElse(0)));
    }
}
