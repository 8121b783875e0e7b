package dev.protostar.chat.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.protostar.chat.problem.ApiProblem;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ValueOperations;
import org.springframework.http.HttpStatus;

class IdempotencyKeyTest {

    private static final Duration DAY = Duration.ofDays(1);

    private final Map<String, String> redis = new HashMap<>();
    private final TurnGuard guard = new TurnGuard(redisBackedBy(redis));

    @Test
    void the_same_key_in_the_same_session_returns_the_first_request_id() {
        assertThat(guard.remember("session-a", "k1", "r1", DAY)).isEmpty();

        assertThat(guard.remember("session-a", "k1", "r2", DAY)).contains("r1");
    }

    @Test
    void the_same_key_in_two_sessions_gives_two_turns() {
        assertThat(guard.remember("session-a", "k1", "r1", DAY)).isEmpty();

        assertThat(guard.remember("session-b", "k1", "r2", DAY)).isEmpty();
    }

    @Test
    void accepts_a_key_of_exactly_the_limit() {
        String key = "k".repeat(255);

        assertThat(Intake.idempotencyKey(key, 255)).isEqualTo(key);
    }

    @Test
    void refuses_a_key_longer_than_the_limit_with_400() {
        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> Intake.idempotencyKey("k".repeat(256), 255));

        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getMessage()).contains("255");
    }

    @Test
    void a_blank_key_is_no_key() {
        assertThat(Intake.idempotencyKey("  ", 255)).isNull();
        assertThat(Intake.idempotencyKey(null, 255)).isNull();
    }

    /** SET NX and GET over a map: what remember() asks of Redis. */
    @SuppressWarnings("unchecked")
    private static StringRedisTemplate redisBackedBy(Map<String, String> values) {
        StringRedisTemplate template = mock(StringRedisTemplate.class);
        ValueOperations<String, String> ops = mock(ValueOperations.class);
        when(template.opsForValue()).thenReturn(ops);
        when(ops.setIfAbsent(anyString(), anyString(), any(Duration.class)))
                .thenAnswer(call -> values.putIfAbsent(call.getArgument(0), call.getArgument(1)) == null);
        when(ops.get(anyString())).thenAnswer(call -> values.get(call.<String>getArgument(0)));
        return template;
    }

    @Test
    void the_key_is_stored_under_its_session() {
        guard.remember("session-a", "k1", "r1", DAY);

        assertThat(redis).containsExactly(Map.entry("protostar:idempotency:session-a:k1", "r1"));
    }
}
