package dev.protostar.worker.answer;

import dev.protostar.worker.WorkerProperties;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * What every worker knows of a turn, in Redis: how many attempts began (a second one means a worker
 * died mid-answer, so the client must be told to reset) and whether it ended (a redelivered turn that
 * already ended is skipped, never answered twice).
 */
@Component
class TurnLedger {

    private final StringRedisTemplate redis;
    private final WorkerProperties properties;

    TurnLedger(StringRedisTemplate redis, WorkerProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** Starts an attempt and returns its number, 1 for the first. */
    int begin(String requestId) {
        String key = "protostar:attempts:" + requestId;
        Long attempt = redis.opsForValue().increment(key);
        redis.expire(key, properties.turnMemory());
        return attempt == null ? 1 : attempt.intValue();
    }

    boolean ended(String requestId) {
        return Boolean.TRUE.equals(redis.hasKey("protostar:ended:" + requestId));
    }

    void end(String requestId) {
        redis.opsForValue().set("protostar:ended:" + requestId, "1", properties.turnMemory());
    }
}
