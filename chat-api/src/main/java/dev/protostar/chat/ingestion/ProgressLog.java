package dev.protostar.chat.ingestion;

import dev.protostar.kafka.message.IngestProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * What this instance knows of one ingestion: its events in offset order (of its latest attempt) and who is
 * listening. All methods run under the log's lock, so joining and appending never interleave.
 */
final class ProgressLog {

    private final List<Progress> events = new ArrayList<>();
    private final Set<ProgressSubscriber> subscribers = new CopyOnWriteArraySet<>();
    private long lastActivity;

    ProgressLog(long now) {
        this.lastActivity = now;
    }

    /**
     * Records an event and passes it on. A {@code received} after a final event is a new attempt of the
     * same ingestion (the ingestion service took the file again): it replaces the earlier one.
     */
    synchronized void append(Progress progress, long now) {
        if (!events.isEmpty()) {
            Progress last = events.getLast();
            if (progress.offset() <= last.offset()) {
                return; // read before: the tail does not deliver twice, but a rewind may
            }
            if (last.isFinal()
                    && IngestProgress.RECEIVED.equals(progress.event().stage())) {
                events.clear();
            }
        }
        events.add(progress);
        lastActivity = now;
        subscribers.forEach(s -> s.offer(progress));
    }

    /** Every event so far after the subscriber's cursor, then live ones; ends at once if it has seen the end. */
    synchronized void join(ProgressSubscriber subscriber) {
        events.forEach(subscriber::offer);
        Progress last = events.isEmpty() ? null : events.getLast();
        if (!subscriber.ended() && last != null && last.isFinal() && subscriber.hasSeen(last)) {
            subscriber.endNow();
        }
        if (!subscriber.ended()) {
            subscribers.add(subscriber);
        }
    }

    void leave(ProgressSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    synchronized boolean isEmpty() {
        return events.isEmpty();
    }

    /** Nobody listens and nothing happened since {@code cutoffMillis}. */
    synchronized boolean isQuietSince(long cutoffMillis) {
        return subscribers.isEmpty() && lastActivity < cutoffMillis;
    }
}
