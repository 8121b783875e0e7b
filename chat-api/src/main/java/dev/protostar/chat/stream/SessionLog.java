package dev.protostar.chat.stream;

import dev.protostar.kafka.message.ChatEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * What one instance knows of a session's answers: the current turn's events (from its start, or from
 * its latest reset) for clients that join mid-turn, where each request ended, and who is listening.
 * All methods run under the log's lock so joining and appending never interleave.
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
        lastActivity = System.currentTimeMillis();
        subscribers.forEach(s -> s.offer(envelope));
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

    /** Joins in catch-up mode: live events are held until {@link #finishCatchUp} is called. */
    synchronized void joinCatchingUp(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    synchronized void finishCatchUp(Subscriber subscriber, List<Envelope> missed) {
        subscriber.catchUp(missed.stream().filter(e -> !isStale(e)).toList());
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
