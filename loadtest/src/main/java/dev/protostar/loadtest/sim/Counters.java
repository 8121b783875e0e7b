package dev.protostar.loadtest.sim;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters behind {@link SimulatorStats}. */
final class Counters {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong active = new AtomicLong();
    final AtomicLong maxActive = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong stalls = new AtomicLong();
    final AtomicLong cancelled = new AtomicLong();
    final AtomicLong completed = new AtomicLong();

    /** Takes a stream slot if fewer than {@code max} are in use. */
    boolean tryOpen(int max) {
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

    void close() {
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

    void reset() {
        for (AtomicLong counter :
                new AtomicLong[] {requests, maxActive, rejected, errors, stalls, cancelled, completed}) {
            counter.set(0);
        }
        maxActive.set(active.get());
    }
}
