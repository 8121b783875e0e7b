package dev.protostar.routes.keyed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doubles_each_failure_in_a_row_up_to_the_max() {
        Backoff backoff = new Backoff(500, 3_000);
        assertThat(LongStream.generate(backoff::next).limit(5)).containsExactly(500L, 1_000L, 2_000L, 3_000L, 3_000L);
    }

    @Test
    void starts_again_from_the_initial_wait_after_a_success() {
        Backoff backoff = new Backoff(500, 3_000);
        backoff.next();
        backoff.next();
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(500);
    }

    @Test
    void refuses_a_max_below_the_initial_wait() {
        assertThatThrownBy(() -> new Backoff(500, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
