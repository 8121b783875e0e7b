package dev.protostar.loadtest.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** When one turn's first delta and its end (done or error) reached the client, in the benchmark's nanoTime. */
final class TurnClock {

    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile long firstDelta = -1;
    private volatile long end = -1;
    private volatile String endKind;
    private volatile String endData;

    synchronized void firstDelta(long now) {
        if (firstDelta < 0) {
            firstDelta = now;
        }
    }

    synchronized void end(long now, String kind, String data) {
        if (end < 0) {
            end = now;
            endKind = kind;
            endData = data;
            ended.countDown();
        }
    }

    /** Waits for the end; false if it did not come within {@code nanos}. */
    boolean awaitEnd(long nanos) throws InterruptedException {
        return ended.await(nanos, TimeUnit.NANOSECONDS);
    }

    long firstDelta() {
        return firstDelta;
    }

    long end() {
        return end;
    }

    /** {@code done} or {@code error}; null while the turn runs. */
    String endKind() {
        return endKind;
    }

    /** The end event's JSON data. */
    String endData() {
        return endData;
    }
}
