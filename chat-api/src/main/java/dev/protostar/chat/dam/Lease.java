package dev.protostar.chat.dam;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant's quota as this instance spends it from the shared bucket in Redis. A turn that finds enough
 * here is decided in memory; otherwise the shared bucket is asked for what is missing plus a block, which
 * stays here for the next turns, and a background take refills the block before it runs out. Tokens are
 * always taken from Redis before they are spent, so the instances together never admit more than the
 * quota; what they hold and do not spend only makes the others refuse sooner, at most a block each, and
 * {@link #returnIfIdle} gives it back once nobody here has asked for a while.
 *
 * <p>A block is {@link #SHARE} of the minute's quota over the expected instances: a busy tenant's turns stop
 * waiting for Redis, a tenant with a person's quota (60 requests a minute) has no block and each turn asks
 * Redis as before, so it is refused exactly at its quota.
 */
final class Lease implements Allowance {

    private static final Logger log = LoggerFactory.getLogger(Lease.class);

    /** Of a minute's quota, what one instance takes at a time. */
    static final double SHARE = 0.01;

    private final Supplier<Bucket> shared;
    private final long capacity;
    private final long block;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final Executor beside;
    private long held;
    private long sharedRemaining;
    private long answeredAt;
    private long lastTaken;
    private boolean refilling;

    /**
     * @param shared the tenant's bucket in Redis (throws while Redis is unavailable)
     * @param capacity the bucket's capacity: a minute's quota, refilled over the minute
     * @param instances chat-api instances expected to share the bucket
     * @param beside where the block is refilled ahead of need, off the caller's thread
     */
    Lease(Supplier<Bucket> shared, long capacity, int instances, LongSupplier nanoTime, Executor beside) {
        this.shared = shared;
        this.capacity = capacity;
        long block = (long) (capacity * SHARE / instances);
        this.block = block < 2 ? 0 : block;
        this.perNano = (double) capacity / Quota.WINDOW.toNanos();
        this.nanoTime = nanoTime;
        this.beside = beside;
        this.sharedRemaining = capacity;
        this.answeredAt = nanoTime.getAsLong();
    }

    /** Whether {@code amount} can be taken without asking Redis. */
    @Override
    public synchronized boolean covers(long amount) {
        return held >= amount;
    }

    /**
     * Takes {@code amount}, from what this instance holds if it is enough, else from Redis; or nothing, with
     * what is left and how long until {@code amount} fits. Throws if Redis fails; then nothing was taken.
     */
    @Override
    public ConsumptionProbe take(long amount) {
        long fromHeld;
        boolean ahead;
        synchronized (this) {
            lastTaken = nanoTime.getAsLong();
            if (held >= amount) {
                held -= amount;
                boolean refill = block > 0 && !refilling && held < block / 2;
                refilling |= refill;
                ConsumptionProbe probe = ConsumptionProbe.consumed(remaining(), resetNanos());
                if (refill) {
                    beside.execute(this::refill);
                }
                return probe;
            }
            fromHeld = held;
            held = 0;
            // one caller at a time takes a block with what it misses; the others only what they miss
            ahead = block > 0 && !refilling;
            refilling |= ahead;
        }
        long missing = amount - fromHeld;
        long kept = 0;
        ConsumptionProbe probe;
        try {
            Bucket bucket = shared.get();
            probe = ahead ? bucket.tryConsumeAndReturnRemaining(missing + block) : null;
            if (probe != null && probe.isConsumed()) {
                kept = block;
            } else {
                probe = bucket.tryConsumeAndReturnRemaining(missing);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                refilling &= !ahead;
                held += fromHeld;
            }
            throw e;
        }
        synchronized (this) {
            refilling &= !ahead;
            held += probe.isConsumed() ? kept : fromHeld;
            answered(probe.getRemainingTokens());
            return probe.isConsumed()
                    ? ConsumptionProbe.consumed(remaining(), resetNanos())
                    : ConsumptionProbe.rejected(remaining(), probe.getNanosToWaitForRefill(), resetNanos());
        }
    }

    /**
     * Gives back what a turn took and did not use: kept here up to two blocks, the rest to Redis, so the
     * other instances can reserve it. Throws if Redis fails; the tenant then has that much less for a while.
     */
    @Override
    public void giveBack(long amount) {
        long toShared;
        synchronized (this) {
            long kept = Math.min(amount, Math.max(0, 2 * block - held));
            held += kept;
            toShared = amount - kept;
        }
        if (toShared > 0) {
            shared.get().addTokens(toShared);
            synchronized (this) {
                sharedRemaining += toShared;
            }
        }
    }

    /** Gives everything held back to Redis when nobody here asked for {@code idleNanos}. */
    void returnIfIdle(long idleNanos) {
        long returned;
        synchronized (this) {
            if (held == 0 || refilling || nanoTime.getAsLong() - lastTaken < idleNanos) {
                return;
            }
            returned = held;
            held = 0;
        }
        try {
            shared.get().addTokens(returned);
            synchronized (this) {
                sharedRemaining += returned;
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                held += returned; // given back when Redis answers again
            }
            log.debug("Could not give an idle lease back to Redis", e);
        }
    }

    /** Takes the block again from Redis, if it has that much; on failure the next turn asks Redis itself. */
    private void refill() {
        try {
            long want;
            synchronized (this) {
                want = block - held;
            }
            ConsumptionProbe probe = shared.get().tryConsumeAndReturnRemaining(want);
            synchronized (this) {
                if (probe.isConsumed()) {
                    held += want;
                }
                answered(probe.getRemainingTokens());
            }
        } catch (RuntimeException e) {
            log.debug("Could not refill a quota lease", e);
        } finally {
            synchronized (this) {
                refilling = false;
            }
        }
    }

    private void answered(long remaining) {
        sharedRemaining = remaining;
        answeredAt = nanoTime.getAsLong();
    }

    /** What the tenant has left: what Redis said, refilled since, and what this instance holds. */
    private long remaining() {
        long refilled = (long) ((nanoTime.getAsLong() - answeredAt) * perNano);
        return Math.min(capacity, Math.max(0, sharedRemaining + refilled) + held);
    }

    /** Until the quota is full again: the bucket refills its capacity evenly over the minute. */
    private long resetNanos() {
        long missing = capacity - remaining();
        long window = Quota.WINDOW.toNanos();
        if (missing <= Long.MAX_VALUE / window) {
            return Math.ceilDiv(missing * window, capacity); // exact, so whole seconds round as Bucket4j's do
        }
        return (long) Math.ceil(missing / perNano);
    }
}
