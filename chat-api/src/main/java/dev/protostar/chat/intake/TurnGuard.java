package dev.protostar.chat.intake;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.protostar.chat.ChatApiProperties;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Session single-flight and idempotency, shared by every chat-api instance through Redis: one running
 * turn per session (a lease, so a lost end can never block a session for good), and a repeated
 * Idempotency-Key answers with the first requestId. A key belongs to its session: a client that numbers its
 * messages per conversation must not get another session's turn back for the same key.
 *
 * <p>With Redis down (a command fails or times out) both are decided from this instance's own memory, which
 * every call keeps too: a session's turns then run one at a time per instance rather than across instances, for
 * the minutes of an outage. A turn's end ({@link #ended}) is taken in memory at once and given to Redis on a
 * thread of its own, so the thread that fans every answer out never waits on Redis; a turn this instance saw end
 * no longer holds its session here even before Redis hears of it.
 */
@Component
public class TurnGuard {

    private static final Logger log = LoggerFactory.getLogger(TurnGuard.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);
    /** Takes the session from a turn that has ended (its release not yet in Redis): 1 if taken. */
    private static final RedisScript<Long> TAKE_OVER = RedisScript.of(
            """
            if redis.call('get', KEYS[1]) == ARGV[1] then
              redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0""",
            Long.class);

    private final StringRedisTemplate redis;
    /** sessionId → running requestId: what this instance admitted, the truth while Redis is down. */
    private final Cache<String, String> running;
    /** requestIds whose final event this instance has seen. */
    private final Cache<String, Boolean> ended;
    /** (sessionId + key) → first requestId, while Redis is down. */
    private final Cache<String, String> keys;

    private final ThreadPoolExecutor releases;

    TurnGuard(StringRedisTemplate redis, ChatApiProperties properties) {
        this.redis = redis;
        this.running = Caffeine.newBuilder()
                .maximumSize(1_000_000)
                .expireAfterWrite(properties.turnLease())
                .build();
        this.ended = Caffeine.newBuilder()
                .maximumSize(1_000_000)
                .expireAfterWrite(properties.turnLease())
                .build();
        this.keys = Caffeine.newBuilder()
                .maximumSize(1_000_000)
                .expireAfterWrite(properties.idempotencyTtl())
                .build();
        // one thread, in order; a hung Redis fills the queue and the oldest releases are dropped: leases end them
        this.releases = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000),
                Thread.ofPlatform().name("turn-releases").daemon().factory(),
                new ThreadPoolExecutor.DiscardOldestPolicy());
    }

    /** Takes the session for {@code requestId}; if it is busy, returns the running requestId instead. */
    Optional<String> acquire(String sessionId, String requestId, Duration lease) {
        try {
            Optional<String> busy = acquireShared(sessionId, requestId, lease);
            if (busy.isEmpty()) {
                running.put(sessionId, requestId);
            }
            return busy;
        } catch (DataAccessException redisDown) {
            log.debug("Session {} decided locally: {}", sessionId, redisDown.toString());
            String holder =
                    running.asMap().compute(sessionId, (id, now) -> now == null || ended(now) ? requestId : now);
            return holder.equals(requestId) ? Optional.empty() : Optional.of(holder);
        }
    }

    private Optional<String> acquireShared(String sessionId, String requestId, Duration lease) {
        String key = turnKey(sessionId);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, requestId, lease))) {
                return Optional.empty();
            }
            String holder = redis.opsForValue().get(key);
            if (holder != null && ended(holder)) {
                Long taken =
                        redis.execute(TAKE_OVER, List.of(key), holder, requestId, String.valueOf(lease.toMillis()));
                if (Long.valueOf(1).equals(taken)) {
                    return Optional.empty();
                }
            } else if (holder != null) {
                return Optional.of(holder);
            }
        }
        return Optional.of("unknown");
    }

    private boolean ended(String requestId) {
        return ended.getIfPresent(requestId) != null;
    }

    /** The requestId of the session's running turn, if one runs. */
    public Optional<String> running(String sessionId) {
        try {
            return Optional.ofNullable(redis.opsForValue().get(turnKey(sessionId)))
                    .filter(requestId -> !ended(requestId));
        } catch (DataAccessException redisDown) {
            return Optional.ofNullable(running.getIfPresent(sessionId)).filter(requestId -> !ended(requestId));
        }
    }

    /**
     * The turn {@code requestId} ended (its final event was seen): the session is free here at once, and in Redis
     * as soon as the release thread gets to it. Never blocks; safe to call from every instance.
     */
    public void ended(String sessionId, String requestId) {
        ended.put(requestId, Boolean.TRUE);
        running.asMap().remove(sessionId, requestId);
        releases.execute(() -> {
            try {
                release(sessionId, requestId);
            } catch (DataAccessException redisDown) {
                log.debug("Session {} not released in Redis (its lease ends it): {}", sessionId, redisDown.toString());
            }
        });
    }

    /** Frees the session if {@code requestId} still holds it, now, in Redis too. */
    void release(String sessionId, String requestId) {
        running.asMap().remove(sessionId, requestId);
        redis.execute(RELEASE, List.of(turnKey(sessionId)), requestId);
    }

    /** Remembers {@code requestId} for this key in this session; if the key was seen there, returns the first requestId. */
    Optional<String> remember(String sessionId, String idempotencyKey, String requestId, Duration ttl) {
        String key = idempotencyKey(sessionId, idempotencyKey);
        try {
            if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, requestId, ttl))) {
                keys.put(key, requestId);
                return Optional.empty();
            }
            return Optional.ofNullable(redis.opsForValue().get(key));
        } catch (DataAccessException redisDown) {
            String first = keys.asMap().putIfAbsent(key, requestId);
            return Optional.ofNullable(first).filter(f -> !Objects.equals(f, requestId));
        }
    }

    void forget(String sessionId, String idempotencyKey, String requestId) {
        String key = idempotencyKey(sessionId, idempotencyKey);
        keys.asMap().remove(key, requestId);
        redis.execute(RELEASE, List.of(key), requestId);
    }

    /** A session id is unique across tenants, so the session scopes the key within its tenant too. */
    private static String idempotencyKey(String sessionId, String idempotencyKey) {
        return "protostar:idempotency:" + sessionId + ":" + idempotencyKey;
    }

    private static String turnKey(String sessionId) {
        return "protostar:turn:" + sessionId;
    }
}
