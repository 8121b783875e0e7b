package dev.protostar.chat.dam;

import dev.protostar.kafka.message.Priority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every meter of the Traffic Dam, named in one place (Micrometer names; Prometheus turns dots into
 * underscores and adds {@code _total} to counters). Tags are bounded sets — gates, reasons, priorities —
 * never tenants or sessions. Every gate counts its refusals in {@link #REJECTED} with the same tag keys.
 */
public final class DamMetrics {

    /** Turns a gate refused; tags {@link #GATE} and {@link #REASON}. */
    public static final String REJECTED = "protostar.dam.rejected";

    /** Turns a gate in shadow mode would have refused but admitted; tags {@link #GATE} and {@link #REASON}. */
    public static final String SHADOW_REJECTED = "protostar.dam.shadow.rejected";

    /** Quota decisions taken with this instance's own buckets because Redis was unavailable. */
    public static final String QUOTA_FALLBACK = "protostar.dam.quota.fallback";

    public static final String GATE = "gate";
    public static final String REASON = "reason";

    public static final String GATE_QUOTA = "quota";

    private final MeterRegistry registry;
    private final Timer decision;
    private final Timer ttft;
    private final Timer quotaTime;

    DamMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.decision = Timer.builder("protostar.dam.decision")
                .description("Time the capacity gates take to admit or refuse a turn")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.ttft = Timer.builder("protostar.dam.ttft")
                .description("Admission to first token of admitted turns, as chat-api sees it")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.quotaTime = gateTimer(registry, GATE_QUOTA);
    }

    void gauges(
            Supplier<Number> limit,
            Supplier<Number> inFlight,
            Supplier<Number> workerCapacity,
            Supplier<Number> queueDelaySeconds) {
        gauge("protostar.dam.limit", "Turns the dam admits at once now", limit);
        gauge("protostar.dam.in.flight", "Turns admitted by this instance and not ended", inFlight);
        gauge("protostar.dam.worker.capacity", "Summed capacity the live workers report", workerCapacity);
        gauge("protostar.dam.queue.delay.seconds", "Oldest turn waiting at the workers", queueDelaySeconds);
    }

    /** Held strongly: a gauge over a lambda held weakly would read NaN once the lambda is collected. */
    private void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value)
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    void admitted(Priority priority) {
        counter("protostar.dam.admitted", "priority", priority.name().toLowerCase())
                .increment();
    }

    /** A refusal by {@code gate}; {@code enforced} false for a gate in shadow mode (counted, admitted). */
    void rejected(String gate, String reason, boolean enforced) {
        Counter.builder(enforced ? REJECTED : SHADOW_REJECTED)
                .tag(GATE, gate)
                .tag(REASON, reason)
                .register(registry)
                .increment();
    }

    /** A slot given back, by how its turn ended: done, error, lease_expired, not_sent. */
    void released(String how) {
        counter("protostar.dam.released", "how", how).increment();
    }

    void tokens(String kind, long tokens) {
        counter("protostar.dam.tokens", "kind", kind).increment(tokens);
    }

    void decision(long nanos) {
        decision.record(Duration.ofNanos(nanos));
    }

    /** How long a gate that asks Redis ({@code quota}, {@code session}) takes, whatever it decides. */
    public static Timer gateTimer(MeterRegistry registry, String gate) {
        return Timer.builder("protostar.dam.gate.duration")
                .description("Time a gate that asks Redis takes to decide (the quota's buckets, the session's flight)")
                .tag(GATE, gate)
                .publishPercentileHistogram()
                .register(registry);
    }

    void quotaTime(long nanos) {
        quotaTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    void ttft(Duration duration) {
        ttft.record(duration);
    }

    private Counter counter(String name, String tag, String value) {
        return Counter.builder(name).tag(tag, value).register(registry);
    }
}
