package dev.protostar.chat.dam;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the dam is measured against (protostar.dam.mode other than {@code dam}): the usual ways to protect a
 * service, each holding its permit from admission until the turn's done or error event, as the dam does, so
 * the benchmark compares admission policies and not permit lifetimes. Never a production setting.
 */
interface Baseline {

    /** True if the turn may go in; it then holds a permit until {@link #exit}. */
    boolean tryEnter(Ticket ticket);

    /** The turn ended; {@code code} is its error code, null when it was done. */
    void exit(String requestId, String code);

    static Baseline of(DamProperties.Mode mode, int size, ThrottleTurnRoute throttle) {
        return switch (mode) {
            case NONE -> new None();
            case BULKHEAD -> new StaticBulkhead(size);
            case GRADIENT2 -> new NetflixGradient2();
            case THROTTLE -> throttle;
            case DAM -> throw new IllegalArgumentException("the dam is no baseline");
        };
    }

    /** No admission control at all: every turn goes to Kafka and the workers. */
    final class None implements Baseline {

        @Override
        public boolean tryEnter(Ticket ticket) {
            return true;
        }

        @Override
        public void exit(String requestId, String code) {}
    }

    /** A resilience4j bulkhead sized by hand to the model's capacity, no waiting. */
    final class StaticBulkhead implements Baseline {

        private final Bulkhead bulkhead;
        private final Map<String, Boolean> inside = new ConcurrentHashMap<>();

        StaticBulkhead(int size) {
            bulkhead = Bulkhead.of(
                    "baseline",
                    BulkheadConfig.custom()
                            .maxConcurrentCalls(size)
                            .maxWaitDuration(Duration.ZERO)
                            .build());
        }

        @Override
        public boolean tryEnter(Ticket ticket) {
            if (!bulkhead.tryAcquirePermission()) {
                return false;
            }
            inside.put(ticket.requestId(), true);
            return true;
        }

        @Override
        public void exit(String requestId, String code) {
            if (inside.remove(requestId) != null) {
                bulkhead.onComplete();
            }
        }
    }

    /**
     * Netflix concurrency-limits: Gradient2 with a SimpleLimiter, the permit held for the whole stream (so its
     * RTT is the turn's length), errors reported as drops, cancellations ignored, as its documentation says.
     */
    final class NetflixGradient2 implements Baseline {

        private final Limiter<Void> limiter = SimpleLimiter.newBuilder()
                .limit(Gradient2Limit.newBuilder().build())
                .build();
        private final Map<String, Limiter.Listener> inside = new ConcurrentHashMap<>();

        @Override
        public boolean tryEnter(Ticket ticket) {
            return limiter.acquire(null)
                    .map(listener -> inside.put(ticket.requestId(), listener) == null)
                    .orElse(false);
        }

        @Override
        public void exit(String requestId, String code) {
            Limiter.Listener listener = inside.remove(requestId);
            if (listener == null) {
                return;
            }
            if (code == null) {
                listener.onSuccess();
            } else if (code.equals("cancelled")) {
                listener.onIgnore();
            } else {
                listener.onDropped();
            }
        }
    }
}
