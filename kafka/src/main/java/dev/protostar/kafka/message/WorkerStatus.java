package dev.protostar.kafka.message;

import java.time.Instant;

/**
 * A worker's heartbeat on the compacted {@code worker-status} topic, keyed by {@code workerId}. The dam
 * never admits more than the active workers' summed capacity.
 *
 * @param capacity turns this worker can hold in flight
 * @param inFlight turns it holds now (running or queued behind their session)
 * @param oldestQueuedMs age of its oldest turn waiting to start, 0 if none
 * @param breaker state of its LLM circuit breaker: CLOSED, OPEN, HALF_OPEN, or OPEN_OFFLINE (open, but
 *     this worker answers in the offline mode meanwhile, so turns sent to it are still answered)
 * @param breakerOpenRemainingMs while OPEN, how long until it tries again
 */
public record WorkerStatus(
        String workerId,
        Role role,
        int capacity,
        int inFlight,
        long oldestQueuedMs,
        String breaker,
        long breakerOpenRemainingMs,
        Instant at) {

    public enum Role {
        ACTIVE,
        STANDBY,
        STOPPED
    }
}
