package dev.protostar.worker.answer;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns nobody waits for any more, as announced on {@code chat-control}: every worker hears every
 * cancellation, and the one running the turn stops its model stream at the next token.
 */
@Component
class CancelledTurns {

    private record Cancellation(String reason, long at) {}

    private final ConcurrentHashMap<String, Cancellation> cancelled = new ConcurrentHashMap<>();
    private final long rememberMillis;

    CancelledTurns(@Value("${protostar.worker.cancel-memory-ms}") long rememberMillis) {
        this.rememberMillis = rememberMillis;
    }

    void cancel(String requestId, String reason) {
        long now = System.currentTimeMillis();
        cancelled.values().removeIf(c -> c.at() < now - rememberMillis);
        cancelled.put(requestId, new Cancellation(reason, now));
    }

    /** Why the turn was cancelled, if it was. */
    Optional<String> reason(String requestId) {
        return Optional.ofNullable(cancelled.get(requestId)).map(Cancellation::reason);
    }
}
