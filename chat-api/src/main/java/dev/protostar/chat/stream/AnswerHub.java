package dev.protostar.chat.stream;

import dev.protostar.chat.ChatApiProperties;
import dev.protostar.chat.dam.Dam;
import dev.protostar.chat.intake.TurnGuard;
import dev.protostar.chat.limits.LimitProperties;
import dev.protostar.chat.problem.ApiProblem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fans the answer events of every session out to the SSE clients connected to this instance. Fed by
 * {@code stream-answers} in partition order; clients join live or, with a Last-Event-ID, resume from what the
 * session's {@link SessionLog} holds (the latest turn), with no gap and no duplicate between the two. A reconnect
 * costs memory reads only: replaying from the topic scanned the session's partition from the cursor on, which a
 * Last-Event-ID of 0 made the whole partition.
 */
@Component
public class AnswerHub {

    /** Events a client may have queued before it counts as too slow and is dropped. */
    private static final int CLIENT_QUEUE = 10_000;

    private final ConcurrentHashMap<String, SessionLog> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final LimitProperties limits;
    private final TurnGuard guard;
    private final Dam dam;
    private final Abandonment abandonment;
    private final ChatApiProperties properties;

    AnswerHub(
            LimitProperties limits,
            TurnGuard guard,
            Dam dam,
            Abandonment abandonment,
            ChatApiProperties properties,
            MeterRegistry meters) {
        Gauge.builder("protostar.chat.streams.open", open, AtomicInteger::get)
                .description("Event streams this instance holds open (protostar.chat.max-streams at most)")
                .register(meters);
        this.abandonment = abandonment;
        this.limits = limits;
        this.guard = guard;
        this.dam = dam;
        this.properties = properties;
    }

    void accept(String sessionId, Envelope envelope) {
        SessionLog log = sessions.computeIfAbsent(sessionId, id -> new SessionLog());
        // Session and slot are freed before any client sees the end, so a client that asks again the moment it
        // reads 'done' finds both free. Both are idempotent, so a redelivered event changes nothing.
        if (envelope.event().isFinal()) {
            guard.ended(sessionId, envelope.event().requestId());
        }
        dam.observe(envelope.event());
        log.append(envelope);
    }

    /**
     * Streams the session's events to {@code sink} until either side ends it. {@code lastEventId} {@link
     * LastEventId#NONE} joins live (after the running turn's events so far). A cursor gets what followed it of the session's latest turn, then
     * live events: a cursor older than that turn gets the turn from its start (earlier turns it missed are not
     * replayed); a cursor past everything this instance holds is waited for {@code protostar.limits.cursor-wait}
     * (another instance may be a few milliseconds ahead), then taken as this instance's last event of the session.
     */
    public Subscription subscribe(String sessionId, long lastEventId, EventSink sink) {
        if (open.incrementAndGet() > properties.maxStreams()) {
            open.decrementAndGet();
            throw ApiProblem.unavailable(
                            "too-many-streams",
                            "This instance holds all the event streams it can (" + properties.maxStreams() + ").",
                            Duration.ofSeconds(5))
                    .with("gate", "streams");
        }
        SessionLog log = sessions.computeIfAbsent(sessionId, id -> new SessionLog());
        Subscriber subscriber = new Subscriber(sink, lastEventId, CLIENT_QUEUE);
        abandonment.watching(sessionId);
        long known;
        if (lastEventId == LastEventId.NONE) {
            log.joinLive(subscriber);
            known = -1;
        } else {
            known = log.joinAfter(subscriber);
        }
        Thread.ofVirtual().name("subscriber-" + sessionId).start(() -> {
            try {
                if (lastEventId > known && !log.awaitReaching(lastEventId, limits.cursorWait())) {
                    log.resumeFrom(subscriber, lastEventId, known);
                }
                subscriber.write(properties.heartbeat());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                subscriber.close();
                sink.close();
            } catch (RuntimeException e) {
                subscriber.close();
                sink.close();
            } finally {
                open.decrementAndGet();
                log.leave(subscriber);
                abandonment.left(sessionId, log::watchers);
            }
        });
        return subscriber;
    }

    /**
     * The id a turn submitted now starts after: the last event this instance holds of the session, or {@link
     * LastEventId#BEFORE_ALL}. A client that connects with it, even after the turn has ended, gets the whole turn.
     */
    public long cursor(String sessionId) {
        SessionLog log = sessions.get(sessionId);
        return log == null ? LastEventId.BEFORE_ALL : log.lastOffset();
    }

    /** Event streams open on this instance. */
    public int openStreams() {
        return open.get();
    }

    /** Tells the other instances which sessions still have clients here (see {@link Abandonment}). */
    @Scheduled(fixedDelayString = "${protostar.chat.watch-refresh}")
    void refreshWatches() {
        abandonment.stillWatching(sessions.entrySet().stream()
                .filter(entry -> entry.getValue().watchers() > 0)
                .map(Map.Entry::getKey)
                .toList());
    }

    /** Forgets sessions nobody listens to and nothing happened in for longer than the rewind window. */
    @Scheduled(fixedDelayString = "${protostar.chat.stream-rewind}")
    void evictIdle() {
        long cutoff = System.currentTimeMillis() - properties.streamRewind().toMillis();
        sessions.entrySet().removeIf(entry -> entry.getValue().idleSince(cutoff));
    }
}
