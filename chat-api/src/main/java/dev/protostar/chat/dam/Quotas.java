package dev.protostar.chat.dam;

import dev.protostar.chat.dam.Admission.Granted;
import dev.protostar.chat.dam.Admission.Rejected;
import dev.protostar.chat.dam.QuotaProperties.Limits;
import dev.protostar.chat.dam.Reservation.Ledger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The quota gate: per-tenant requests/min and LLM tokens/min. A turn reserves its estimated tokens when it
 * is admitted and settles them when it ends, so turns running at the same time are never admitted for more
 * than the quota together (charging only afterwards would let them). Buckets are shared through Redis, and a
 * busy tenant's spent from a {@link Lease} this instance takes of them in blocks, in memory; while Redis
 * fails or is slower than {@code redis-timeout}, each instance decides with its own share of the quota and
 * tries Redis again after {@code redis-retry}. Never throws because of Redis.
 */
@Component
public class Quotas {

    private static final Logger log = LoggerFactory.getLogger(Quotas.class);

    /** A lease nobody here has taken from for this long goes back to Redis, for the other instances. */
    static final Duration LEASE_IDLE = Duration.ofSeconds(2);

    private final QuotaProperties properties;
    private final BucketSource shared;
    private final BucketSource local;
    private final MeterRegistry meters;
    private final Counter fallbacks;
    private final LongSupplier nanoTime;
    private final Executor beside;
    private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();
    private volatile long sharedPausedUntil;
    private volatile boolean sharedPaused;

    @Autowired
    Quotas(QuotaProperties properties, RedisBuckets shared, MeterRegistry meters) {
        this(properties, shared, meters, System::nanoTime, virtualThreads());
    }

    /**
     * @param nanoTime a monotonic clock in nanoseconds
     * @param beside where the shared tokens bucket is asked while the caller asks the requests bucket, and where
     *     refunds go
     */
    Quotas(
            QuotaProperties properties,
            BucketSource shared,
            MeterRegistry meters,
            LongSupplier nanoTime,
            Executor beside) {
        this.properties = properties;
        this.beside = beside;
        this.shared = shared;
        this.local = new LocalBuckets(properties.instances(), nanoTime);
        this.meters = meters;
        this.fallbacks = meters.counter(DamMetrics.QUOTA_FALLBACK);
        this.nanoTime = nanoTime;
        this.sharedPausedUntil = nanoTime.getAsLong();
    }

    /**
     * Reserves one request and {@code estimatedTokens} (at most one minute's quota) for a turn of
     * {@code tenant}, or says which quota refuses it and when to come back. In shadow mode a refusal is
     * counted and the turn admitted with nothing reserved.
     */
    public Admission reserve(String tenant, long estimatedTokens) {
        if (estimatedTokens < 0) {
            throw new IllegalArgumentException("estimatedTokens < 0: " + estimatedTokens);
        }
        Limits limits = properties.limitsOf(tenant);
        Admission admission = null;
        if (sharedAvailable()) {
            try {
                admission = QuotaBuckets.reserve(
                        Ledger.SHARED,
                        lease(tenant, Quota.REQUESTS, limits.requestsPerMinute()),
                        lease(tenant, Quota.TOKENS, limits.tokensPerMinute()),
                        tenant,
                        limits,
                        cost(shared, limits, estimatedTokens),
                        beside);
                sharedAnswered();
            } catch (RuntimeException e) {
                sharedFailed(e);
            }
        }
        if (admission == null) {
            fallbacks.increment();
            admission = QuotaBuckets.reserve(
                    Ledger.LOCAL,
                    Allowance.of(local.bucket(tenant, Quota.REQUESTS, limits.requestsPerMinute())),
                    Allowance.of(local.bucket(tenant, Quota.TOKENS, limits.tokensPerMinute())),
                    tenant,
                    limits,
                    cost(local, limits, estimatedTokens),
                    Runnable::run);
        }
        if (admission instanceof Rejected rejected) {
            String reason = rejected.quota().policy();
            if (properties.shadow()) {
                count(DamMetrics.SHADOW_REJECTED, reason);
                return new Granted(Reservation.none(tenant), limits, rejected.usage());
            }
            count(DamMetrics.REJECTED, reason);
        }
        return admission;
    }

    /**
     * Whether {@link #reserve} would decide this turn in memory, from what this instance's leases hold, rather
     * than ask Redis.
     */
    public boolean inMemory(String tenant, long estimatedTokens) {
        Limits limits = properties.limitsOf(tenant);
        return sharedAvailable()
                && lease(tenant, Quota.REQUESTS, limits.requestsPerMinute()).covers(1)
                && lease(tenant, Quota.TOKENS, limits.tokensPerMinute()).covers(cost(shared, limits, estimatedTokens));
    }

    /**
     * Settles a turn's tokens once it has ended: gives back what it reserved and did not use, or charges what
     * it used beyond (the tenant then waits longer for its next turns). Call once per granted reservation.
     */
    public void settle(Reservation reservation, long actualTokens) {
        if (actualTokens < 0) {
            throw new IllegalArgumentException("actualTokens < 0: " + actualTokens);
        }
        long overrun = actualTokens - reservation.tokens();
        if (reservation.ledger() == Ledger.NONE || overrun == 0) {
            return;
        }
        long perMinute = properties.limitsOf(reservation.tenant()).tokensPerMinute();
        if (reservation.ledger() == Ledger.SHARED) {
            try {
                if (sharedAvailable()) {
                    if (overrun < 0) {
                        lease(reservation.tenant(), Quota.TOKENS, perMinute).giveBack(-overrun);
                    } else {
                        QuotaBuckets.settle(shared.bucket(reservation.tenant(), Quota.TOKENS, perMinute), overrun);
                    }
                    return;
                }
            } catch (RuntimeException e) {
                sharedFailed(e);
            }
            if (overrun < 0) {
                return; // a refund into buckets it was not taken from would let this instance over its share
            }
        }
        QuotaBuckets.settle(local.bucket(reservation.tenant(), Quota.TOKENS, perMinute), overrun);
    }

    /** Gives Redis back what this instance holds of a tenant's quota that it has not spent for a while. */
    @Scheduled(fixedDelay = 1_000)
    void returnIdleLeases() {
        if (sharedAvailable()) {
            leases.values().forEach(lease -> lease.returnIfIdle(LEASE_IDLE.toNanos()));
        }
    }

    /** On shutdown: what this instance holds goes back to the tenants. */
    @PreDestroy
    void returnLeases() {
        if (sharedAvailable()) {
            leases.values().forEach(lease -> lease.returnIfIdle(0));
        }
    }

    /** This instance's lease on {@code tenant}'s shared bucket of {@code quota}. */
    private Lease lease(String tenant, Quota quota, long perMinute) {
        return leases.computeIfAbsent(
                tenant + ":" + quota.policy() + ":" + perMinute,
                key -> new Lease(
                        () -> shared.bucket(tenant, quota, perMinute),
                        shared.capacity(perMinute),
                        properties.instances(),
                        nanoTime,
                        beside));
    }

    /** A turn's estimate, at least one token and at most what one bucket of {@code source} holds. */
    private static long cost(BucketSource source, Limits limits, long estimatedTokens) {
        return Math.clamp(estimatedTokens, 1, source.capacity(limits.tokensPerMinute()));
    }

    /** A virtual thread per task: a Redis call parked on one costs no platform thread. */
    static Executor virtualThreads() {
        ThreadFactory threads = Thread.ofVirtual().name("quota-", 0).factory();
        return task -> threads.newThread(task).start();
    }

    private boolean sharedAvailable() {
        return nanoTime.getAsLong() - sharedPausedUntil >= 0;
    }

    private void sharedAnswered() {
        if (sharedPaused) {
            sharedPaused = false;
            log.info("Shared quota buckets in Redis answer again");
        }
    }

    private void sharedFailed(RuntimeException e) {
        sharedPausedUntil = nanoTime.getAsLong() + properties.redisRetry().toNanos();
        if (!sharedPaused) {
            sharedPaused = true;
            log.warn(
                    "Shared quota buckets unavailable ({}); local buckets with 1/{} of each quota for {}",
                    e.toString(),
                    properties.instances(),
                    properties.redisRetry());
        }
    }

    private void count(String meter, String reason) {
        meters.counter(meter, DamMetrics.GATE, DamMetrics.GATE_QUOTA, DamMetrics.REASON, reason)
                .increment();
    }
}
