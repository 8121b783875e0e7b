package dev.protostar.worker.answer;

import dev.protostar.worker.WorkerProperties;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * What every worker knows of a turn, in Redis: how many attempts began (a second one means a worker
 * died mid-answer, so the client must be told to reset) and whether it ended (a redelivered turn that
 * already ended is skipped, never answered twice).
 */
@Component
class TurnLedger {

    /**
     * 0 if the turn already ended, else the attempt's number counted up — in one round trip, as it is on every
     * turn's way to its first token.
     */
    private static final RedisScript<Long> BEGIN = RedisScript.of(
            """
            if redis.call('EXISTS', KEYS[2]) == 1 then
              return 0
            end
            local attempt = redis.call('INCR', KEYS[1])
            redis.call('EXPIRE', KEYS[1], ARGV[1])
            return attempt""",
            Long.class);

    private final StringRedisTemplate redis;
    private final WorkerProperties properties;

    TurnLedger(StringRedisTemplate redis, WorkerProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** Starts an attempt and returns its number, 1 for the first; empty if the turn already ended. */
    OptionalInt begin(String requestId) {
        Long attempt = redis.execute(
                BEGIN,
                List.of("protostar:attempts:" + requestId, ended(requestId)),
                String.valueOf(properties.turnMemory().toSeconds()));
        if (attempt != null && attempt == 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(attempt == null ? 1 : attempt.intValue());
    }

    void end(String requestId) {
        redis.opsForValue().set(ended(requestId), "1", properties.turnMemory());
    }

    private static String ended(String requestId) {
        return "protostar:ended:" + requestId;
    }
}
