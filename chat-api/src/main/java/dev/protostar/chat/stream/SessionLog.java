package dev.protostar.chat.stream;

import dev.protostar.kafka.message.ChatEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * What one instance knows of a session's answers: the current turn's events (from its start, or from
 * its latest reset) for clients that join mid-turn or resume with a Last-Event-ID, where each request ended, and
 * who is listening. All methods run under the log's lock so joining and appending never interleave. Replaying
 * from here costs the turn's events at most: no reconnect reads Kafka.
 */
final class SessionLog {

    /** How many ended requests are remembered to drop their late redeliveries. */
    private static final int REMEMBERED_ENDS = 32;

    private final List<Envelope> turn = new ArrayList<>();
    private final Map<String, Long> endOffsets = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_ENDS;
        }
    };
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private String currentRequest;
    private boolean running;
    private long lastOffset = -1;
    private long lastActivity = System.currentTimeMillis();

    /** Records an event and passes it to the listeners; false if it is a late copy of an ended request. */
    synchronized boolean append(Envelope envelope) {
        if (isStale(envelope)) {
            return false;
        }
        ChatEvent event = envelope.event();
        if (!event.requestId().equals(currentRequest) || event instanceof ChatEvent.Reset) {
            turn.clear();
            currentRequest = event.requestId();
        }
        running = !event.isFinal();
        turn.add(envelope);
        if (event.isFinal()) {
            endOffsets.put(event.requestId(), envelope.offset());
        }
        lastOffset = envelope.offset();
        lastActivity = System.currentTimeMillis();
        subscribers.forEach(s -> s.offer(envelope));
        notifyAll(); // clients waiting for this instance to reach their cursor
        return true;
    }

    /**
     * An event of a request after that request's end: a worker answered a turn again after it had been
     * answered (it died before its commit). The client already has the whole answer.
     */
    synchronized boolean isStale(Envelope envelope) {
        Long end = endOffsets.get(envelope.event().requestId());
        return end != null && envelope.offset() > end;
    }

    /** Joins at the live edge, after the running turn's events so far. */
    synchronized void joinLive(Subscriber subscriber) {
        if (running) {
            turn.forEach(subscriber::offer);
        }
        subscribers.add(subscriber);
    }

    /**
     * Joins after the client's cursor (its subscriber starts there): the latest request's events above it, ended
     * or not, then live ones. A cursor before the latest request gets that request from its start (or latest
     * reset). Returns the last offset this log holds, which a cursor past it has not been reached at.
     */
    synchronized long joinAfter(Subscriber subscriber) {
        turn.forEach(subscriber::offer);
        subscribers.add(subscriber);
        return lastOffset;
    }

    /** Waits (on the client's own thread) until this log holds an event at or past {@code cursor}; false if not in time. */
    synchronized boolean awaitReaching(long cursor, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lastOffset < cursor) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * A cursor this log has still not reached was never sent for this session: the client goes on from
     * {@code known} (what this log held when it joined) and gets what arrived since. Nothing was queued for it
     * meanwhile, since nothing passed its cursor; if something has by now, the cursor was real and stays.
     */
    synchronized void resumeFrom(Subscriber subscriber, long cursor, long known) {
        if (lastOffset >= cursor) {
            return;
        }
        subscriber.rewind(known);
        turn.forEach(subscriber::offer);
    }

    /** The offset of the last event this log holds, -1 if none. */
    synchronized long lastOffset() {
        return lastOffset;
    }

    void leave(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** Clients of this session connected to this instance. */
    int watchers() {
        return subscribers.size();
    }

    synchronized boolean idleSince(long cutoffMillis) {
        return subscribers.isEmpty() && lastActivity < cutoffMillis;
    }
}
