package dev.protostar.chat.stream;

import dev.protostar.chat.ChatApiProperties;
import dev.protostar.chat.intake.TurnGuard;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans the answer events of every session out to the SSE clients connected to this instance. Fed by
 * {@code stream-answers} in partition order; clients join live or, with a Last-Event-ID, catch up from
 * {@link SessionHistory} first, with no gap and no duplicate between the two.
 */
@Component
public class AnswerHub {

    /** Events a client may have queued before it counts as too slow and is dropped. */
    private static final int CLIENT_QUEUE = 10_000;

    private final ConcurrentHashMap<String, SessionLog> sessions = new ConcurrentHashMap<>();
    private final SessionHistory history;
    private final TurnGuard guard;
    private final ChatApiProperties properties;

    AnswerHub(SessionHistory history, TurnGuard guard, ChatApiProperties properties) {
        this.history = history;
        this.guard = guard;
        this.properties = properties;
    }

    void accept(String sessionId, Envelope envelope) {
        SessionLog log = sessions.computeIfAbsent(sessionId, id -> new SessionLog());
        if (log.append(envelope) && envelope.event().isFinal()) {
            guard.release(sessionId, envelope.event().requestId());
        }
    }

    /** Streams the session to {@code emitter} until the client leaves; {@code lastEventId} -1 joins live. */
    void subscribe(String sessionId, long lastEventId, SseEmitter emitter) {
        SessionLog log = sessions.computeIfAbsent(sessionId, id -> new SessionLog());
        Subscriber subscriber = new Subscriber(emitter, lastEventId, CLIENT_QUEUE);
        emitter.onCompletion(() -> log.leave(subscriber));
        emitter.onError(e -> subscriber.close());
        emitter.onTimeout(subscriber::close);
        Thread.ofVirtual().name("sse-" + sessionId).start(() -> {
            try {
                if (lastEventId < 0) {
                    log.joinLive(subscriber);
                } else {
                    log.joinCatchingUp(subscriber);
                    List<Envelope> missed = history.after(sessionId, lastEventId);
                    log.finishCatchUp(subscriber, missed);
                }
                subscriber.write(properties.heartbeat());
            } catch (RuntimeException e) {
                emitter.completeWithError(e);
            } finally {
                log.leave(subscriber);
            }
        });
    }

    /** Forgets sessions nobody listens to and nothing happened in for longer than the rewind window. */
    @Scheduled(fixedDelayString = "${protostar.chat.stream-rewind}")
    void evictIdle() {
        long cutoff = System.currentTimeMillis() - properties.streamRewind().toMillis();
        sessions.entrySet().removeIf(entry -> entry.getValue().idleSince(cutoff));
    }
}
