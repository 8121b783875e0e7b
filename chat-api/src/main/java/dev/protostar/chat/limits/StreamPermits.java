package dev.protostar.chat.limits;

import dev.protostar.chat.problem.ApiProblem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Each tenant's share of this instance's event streams (chat events and ingestion progress): a tenant holding
 * {@code protostar.limits.streams-per-tenant} open streams gets a 429 with Retry-After for the next, so one
 * tenant's runaway client cannot take the streams of everyone else. A stream holds its {@link Permit} until it
 * ends however it ends — completed, timed out, failed, or its client gone — and gives it back once.
 */
@Component
public class StreamPermits {

    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final int perTenant;
    private final Duration retryAfter;

    @Autowired
    StreamPermits(LimitProperties limits, MeterRegistry meters) {
        this(limits.streamsPerTenant(), limits.streamRetryAfter());
        Gauge.builder("protostar.limits.streams.open", total, AtomicInteger::get)
                .description("Event streams (chat and ingestion progress) open on this instance under a tenant's cap")
                .register(meters);
    }

    StreamPermits(int perTenant, Duration retryAfter) {
        this.perTenant = perTenant;
        this.retryAfter = retryAfter;
    }

    /** A place for one more stream of {@code tenant}; 429 if the tenant holds all its places here. */
    public Permit acquire(String tenant) {
        AtomicInteger count = open.computeIfAbsent(tenant, t -> new AtomicInteger());
        if (count.incrementAndGet() > perTenant) {
            count.decrementAndGet();
            throw ApiProblem.tooManyRequests(
                            "too-many-streams",
                            "Your tenant holds " + perTenant + " event streams on this instance, its limit; close one"
                                    + " or try again shortly.",
                            retryAfter)
                    .with("gate", "tenant-streams")
                    .with("limit", perTenant);
        }
        total.incrementAndGet();
        return new Permit(count);
    }

    /** Streams {@code tenant} holds open on this instance. */
    public int open(String tenant) {
        AtomicInteger count = open.get(tenant);
        return count == null ? 0 : count.get();
    }

    /** One held place; {@link #release} gives it back, the first call only. */
    public final class Permit {

        private final AtomicInteger count;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(AtomicInteger count) {
            this.count = count;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                count.decrementAndGet();
                total.decrementAndGet();
            }
        }

        /** Released when the emitter's stream ends, whichever way. */
        public void releaseWhenDone(ResponseBodyEmitter emitter) {
            emitter.onCompletion(this::release);
            emitter.onTimeout(this::release);
            emitter.onError(e -> release());
        }
    }
}
