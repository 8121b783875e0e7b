package dev.protostar.chat.stream;

import dev.protostar.chat.intake.Intake;
import dev.protostar.chat.intake.TurnGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Cancels a turn whose watchers all went away: when the last client of a session disconnects while one of
 * its turns runs, and no client of that session is back — on any chat-api instance — within the grace
 * period, that turn is cancelled (chat-control), so the worker stops generating for nobody and its dam slot
 * comes free. A reconnect within the grace (a page reload, a network blip; SSE resumes with Last-Event-ID)
 * keeps it. Instances tell each other who watches through a short-lived Redis key per watched session. A
 * turn nobody ever watched is never cancelled: clients may ask and read the answer later.
 */
@Component
class Abandonment {

    private static final Logger log = LoggerFactory.getLogger(Abandonment.class);

    private static final RedisScript<Long> FORGET = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);

    private final String instance = UUID.randomUUID().toString();
    private final StringRedisTemplate redis;
    private final TurnGuard guard;
    private final Intake intake;
    private final TaskScheduler scheduler;
    private final Duration grace;

    Abandonment(
            StringRedisTemplate redis,
            TurnGuard guard,
            Intake intake,
            TaskScheduler scheduler,
            @Value("${protostar.chat.abandon-grace}") Duration grace) {
        this.redis = redis;
        this.guard = guard;
        this.intake = intake;
        this.scheduler = scheduler;
        this.grace = grace;
    }

    /** A client of the session is connected to this instance. */
    void watching(String sessionId) {
        try {
            redis.opsForValue().set(key(sessionId), instance, presence());
        } catch (RuntimeException e) {
            // Without Redis a watch cannot be shared; the worst case is a turn cancelled after a reconnect to another
            // instance.
            log.warn("Could not record a watch on session {}: {}", sessionId, e.getMessage());
        }
    }

    /**
     * Refreshes this instance's watch on the sessions it has clients for, in one pipelined round trip: thousands of
     * open pages must not cost thousands of round trips every refresh.
     */
    void stillWatching(Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        try {
            redis.executePipelined(new SessionCallback<Object>() {
                @Override
                @SuppressWarnings("unchecked")
                public Object execute(RedisOperations operations) {
                    for (String sessionId : sessionIds) {
                        operations.opsForValue().set(key(sessionId), instance, presence());
                    }
                    return null;
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not refresh the watches on {} sessions: {}", sessionIds.size(), e.getMessage());
        }
    }

    /**
     * A client left; {@code localWatchers} counts the session's clients still on this instance. The turn
     * running now, if any, is cancelled after the grace unless someone watches the session again by then.
     */
    void left(String sessionId, IntSupplier localWatchers) {
        try {
            if (localWatchers.getAsInt() > 0) {
                return;
            }
            redis.execute(FORGET, List.of(key(sessionId)), instance);
            guard.running(sessionId)
                    .ifPresent(requestId -> scheduler.schedule(
                            () -> cancelIfAbandoned(sessionId, requestId, localWatchers),
                            Instant.now().plus(grace)));
        } catch (RuntimeException e) {
            log.warn("Could not check session {} for abandonment: {}", sessionId, e.getMessage());
        }
    }

    private void cancelIfAbandoned(String sessionId, String requestId, IntSupplier localWatchers) {
        try {
            if (localWatchers.getAsInt() > 0
                    || Boolean.TRUE.equals(redis.hasKey(key(sessionId)))
                    || !guard.running(sessionId).filter(requestId::equals).isPresent()) {
                return;
            }
            log.info("Turn {} of session {} lost its last watcher; cancelling it", requestId, sessionId);
            intake.cancel(sessionId, requestId, "the client disconnected");
        } catch (RuntimeException e) {
            log.warn("Could not cancel abandoned turn {}: {}", requestId, e.getMessage());
        }
    }

    /** A watch lasts the grace: refreshed well within it (protostar.chat.watch-refresh), it never lapses while held. */
    private Duration presence() {
        return grace;
    }

    private static String key(String sessionId) {
        return "protostar:watching:" + sessionId;
    }
}
