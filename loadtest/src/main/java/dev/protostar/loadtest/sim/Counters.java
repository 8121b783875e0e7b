package dev.protostar.loadtest.sim;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters behind {@link SimulatorStats}, shared by every request thread. */
final class Counters {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong stalls = new AtomicLong();
    final AtomicLong cancelled = new AtomicLong();
    final AtomicLong completed = new AtomicLong();
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong maxActive = new AtomicLong();

    /** Takes a slot if fewer than {@code max} are held; the caller gives it back with {@link #release}. */
    boolean tryAcquire(int max) {
        while (true) {
            long now = active.get();
            if (now >= max) {
                return false;
            }
            if (active.compareAndSet(now, now + 1)) {
                maxActive.accumulateAndGet(now + 1, Math::max);
                return true;
            }
        }
    }

    void release() {
        active.decrementAndGet();
    }

    SimulatorStats snapshot() {
        return new SimulatorStats(
                requests.get(),
                active.get(),
                maxActive.get(),
                rejected.get(),
                errors.get(),
                stalls.get(),
                cancelled.get(),
                completed.get());
    }

    /** Zeroes the totals; the high-water mark restarts from the streams still running, not from zero. */
    void reset() {
        for (AtomicLong total : new AtomicLong[] {requests, rejected, errors, stalls, cancelled, completed}) {
            total.set(0);
        }
        maxActive.set(active.get());
    }
}
