package dev.protostar.chat.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.protostar.chat.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The Idempotency-Key as the intake reads it; how it is kept per session is TurnGuardIT's. */
class IdempotencyKeyTest {

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
}
