package dev.protostar.chat.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One SSE client. Events are queued under the session's lock and written by the client's own virtual
 * thread, so a slow client never holds up the others. The offset of the last queued event makes every
 * delivery exactly-once: nothing at or below it is queued again. A client too slow for its queue is
 * disconnected; it resumes from its Last-Event-ID.
 */
final class Subscriber {

    private final SseEmitter emitter;
    private final BlockingQueue<Envelope> queue;
    private long lastQueued;
    private List<Envelope> held;
    private volatile boolean closed;

    /** @param lastEventId the client's cursor, or -1; a client with a cursor starts catching up */
    Subscriber(SseEmitter emitter, long lastEventId, int capacity) {
        this.emitter = emitter;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.lastQueued = lastEventId;
        this.held = lastEventId >= 0 ? new ArrayList<>() : null;
    }

    /** Called under the session log's lock. */
    void offer(Envelope envelope) {
        if (held != null) {
            held.add(envelope);
        } else if (envelope.offset() > lastQueued) {
            if (queue.offer(envelope)) {
                lastQueued = envelope.offset();
            } else {
                close();
            }
        }
    }

    /** Called under the session log's lock: the missed events, then what arrived live meanwhile. */
    void catchUp(List<Envelope> missed) {
        List<Envelope> live = held;
        held = null;
        missed.forEach(this::offer);
        live.forEach(this::offer);
    }

    /** Writes queued events until the client goes away; blocks, so it runs on a virtual thread. */
    void write(Duration heartbeat) {
        try {
            while (!closed) {
                Envelope next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } else {
                    emitter.send(SseEmitter.event()
                            .id(Long.toString(next.offset()))
                            .name(next.event().name())
                            .data(next.json()));
                }
            }
        } catch (IOException | IllegalStateException e) {
            closed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
            emitter.complete();
        }
    }

    /** What is queued and not yet written, in order. */
    List<Envelope> queued() {
        return List.copyOf(queue);
    }

    void close() {
        closed = true;
    }
}
