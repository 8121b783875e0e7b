package dev.protostar.chat.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client of a session's events. Events are queued under the session's lock and written by the client's own virtual
 * thread, so a slow client never holds up the others. The offset of the last queued event makes every
 * delivery exactly-once: nothing at or below it is queued again. A client too slow for its queue is
 * disconnected; it resumes from its Last-Event-ID.
 */
final class Subscriber implements Subscription {

    private final EventSink sink;
    private final BlockingQueue<Envelope> queue;
    private long lastQueued;
    private volatile boolean closed;

    /** @param lastEventId the client's cursor, or -1: nothing at or below it is queued */
    Subscriber(EventSink sink, long lastEventId, int capacity) {
        this.sink = sink;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.lastQueued = lastEventId;
    }

    /** Called under the session log's lock. */
    void offer(Envelope envelope) {
        if (envelope.offset() > lastQueued) {
            if (queue.offer(envelope)) {
                lastQueued = envelope.offset();
            } else {
                close();
            }
        }
    }

    /** Called under the session log's lock: a cursor taken back to what the log holds (see SessionLog#resumeFrom). */
    void rewind(long offset) {
        lastQueued = offset;
    }

    /** Writes queued events until the client or the sink is done; blocks, so it runs on a virtual thread. */
    void write(Duration heartbeat) {
        try {
            while (!closed) {
                Envelope next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    sink.heartbeat();
                } else if (!sink.send(next.offset(), next.event(), next.json())) {
                    closed = true;
                }
            }
        } catch (IOException | IllegalStateException e) {
            closed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
            sink.close();
        }
    }

    /** What is queued and not yet written, in order. */
    List<Envelope> queued() {
        return List.copyOf(queue);
    }

    @Override
    public void close() {
        closed = true;
    }
}
