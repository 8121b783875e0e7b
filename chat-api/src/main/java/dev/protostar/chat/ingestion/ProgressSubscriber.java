package dev.protostar.chat.ingestion;

import dev.protostar.chat.stream.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client of an ingestion's progress. Events are queued under the log's lock and written by the client's
 * own virtual thread, so a slow client never holds up the tail. Nothing at or below the last queued offset
 * is queued again (a cursor resumes without duplicates), and nothing after a final event: the stream ends there.
 * A client whose queue is full gets what was queued, then its stream ends; it resumes from its Last-Event-ID,
 * a queue further each time.
 */
final class ProgressSubscriber implements Subscription {

    private final ProgressSink sink;
    private final BlockingQueue<Progress> queue;
    private long lastQueued;
    private boolean ended;
    private volatile boolean overflowed;
    private volatile boolean closed;

    /** @param lastEventId the client's cursor, or -1 for everything */
    ProgressSubscriber(ProgressSink sink, long lastEventId, int capacity) {
        this.sink = sink;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.lastQueued = lastEventId;
    }

    /** Called under the log's lock. */
    void offer(Progress progress) {
        if (!ended && progress.offset() > lastQueued) {
            queue(progress);
        }
    }

    /** The row's final state, for an ingestion of which nothing is in memory: it has no offset to compare. */
    void offerStored(Progress progress) {
        queue(progress);
    }

    private void queue(Progress progress) {
        if (!queue.offer(progress)) {
            overflowed = true;
            ended = true;
            return;
        }
        lastQueued = Math.max(lastQueued, progress.offset());
        ended = progress.isFinal();
    }

    /** The client's cursor is at or past the final event: it has everything, the stream ends empty. */
    void endNow() {
        ended = true;
        close();
    }

    boolean ended() {
        return ended;
    }

    boolean hasSeen(Progress progress) {
        return progress.offset() <= lastQueued;
    }

    /** Writes queued events until a final one is written or the client is gone; blocks, so it runs on its own thread. */
    void write(Duration heartbeat) {
        try {
            while (!closed) {
                Progress next = overflowed ? queue.poll() : queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null && overflowed) {
                    closed = true;
                } else if (next == null) {
                    sink.heartbeat();
                } else {
                    sink.send(next);
                    closed = next.isFinal();
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

    @Override
    public void close() {
        closed = true;
    }
}
