package dev.protostar.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.protostar.chat.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class LastEventIdTest {

    @Test
    void no_cursor_joins_live() {
        assertThat(LastEventId.parse(null, null)).isEqualTo(LastEventId.NONE);
        assertThat(LastEventId.parse(" ", null)).isEqualTo(LastEventId.NONE);
    }

    @Test
    void minus_one_is_the_cursor_before_every_event_that_a_late_client_is_given() {
        assertThat(LastEventId.parse("-1", null)).isEqualTo(LastEventId.BEFORE_ALL);
    }

    @Test
    void the_header_wins_over_the_parameter() {
        assertThat(LastEventId.parse("42", "7")).isEqualTo(42);
        assertThat(LastEventId.parse(null, "7")).isEqualTo(7);
    }

    @Test
    void zero_and_huge_ids_are_cursors_not_errors() {
        assertThat(LastEventId.parse("0", null)).isZero();
        assertThat(LastEventId.parse(Long.toString(Long.MAX_VALUE), null)).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-2", "12.5", "0x10", "99999999999999999999", "1e3"})
    void refuses_garbage_negative_or_overflowing_ids_with_400(String garbage) {
        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> LastEventId.parse(garbage, null));

        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
