package dev.protostar.chat.intake;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Session single-flight and idempotency, shared by every chat-api instance through Redis: one running
 * turn per session (a lease, so a lost end can never block a session for good), and a repeated
 * Idempotency-Key answers with the first requestId. A key belongs to its session: a client that numbers its
 * messages per conversation must not get another session's turn back for the same key.
 */
@Component
public class TurnGuard {

    private static final RedisScript<Long> RELEASE = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);

    private final StringRedisTemplate redis;

    TurnGuard(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Takes the session for {@code requestId}; if it is busy, returns the running requestId instead. */
    Optional<String> acquire(String sessionId, String requestId, Duration lease) {
        String key = turnKey(sessionId);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, requestId, lease))) {
                return Optional.empty();
            }
            String running = redis.opsForValue().get(key);
            if (running != null) {
                return Optional.of(running);
            }
        }
        return Optional.of("unknown");
    }

    /** The requestId of the session's running turn, if one runs. */
    public Optional<String> running(String sessionId) {
        return Optional.ofNullable(redis.opsForValue().get(turnKey(sessionId)));
    }

    /** Frees the session if {@code requestId} still holds it; safe to call from every instance. */
    public void release(String sessionId, String requestId) {
        redis.execute(RELEASE, List.of(turnKey(sessionId)), requestId);
    }

    /** Remembers {@code requestId} for this key in this session; if the key was seen there, returns the first requestId. */
    Optional<String> remember(String sessionId, String idempotencyKey, String requestId, Duration ttl) {
        String key = idempotencyKey(sessionId, idempotencyKey);
        if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, requestId, ttl))) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.opsForValue().get(key));
    }

    void forget(String sessionId, String idempotencyKey, String requestId) {
        redis.execute(RELEASE, List.of(idempotencyKey(sessionId, idempotencyKey)), requestId);
    }

    /** A session id is unique across tenants, so the session scopes the key within its tenant too. */
    private static String idempotencyKey(String sessionId, String idempotencyKey) {
        return "protostar:idempotency:" + sessionId + ":" + idempotencyKey;
    }

    private static String turnKey(String sessionId) {
        return "protostar:turn:" + sessionId;
    }
}
