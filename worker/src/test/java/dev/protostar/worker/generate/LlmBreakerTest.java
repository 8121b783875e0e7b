package dev.protostar.worker.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LlmBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LlmBreaker breaker = new LlmBreaker(
            new LlmProperties.Breaker(50, Duration.ofSeconds(10), 80, 10, 20, Duration.ofSeconds(30), 3), now::get);

    @Test
    void reports_closed_with_nothing_remaining_at_first() {
        assertThat(breaker.state()).isEqualTo("CLOSED");
        assertThat(breaker.openRemainingMillis()).isZero();
    }

    @Test
    void counts_the_open_wait_down_from_the_moment_it_opened() {
        breaker.circuitBreaker().transitionToOpenState();
        assertThat(breaker.state()).isEqualTo("OPEN");
        assertThat(breaker.openRemainingMillis()).isEqualTo(30_000);

        now.addAndGet(Duration.ofMillis(12_500).toNanos());
        assertThat(breaker.openRemainingMillis()).isEqualTo(17_500);

        now.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(breaker.openRemainingMillis()).isZero();
    }

    @Test
    void reports_half_open_with_nothing_remaining() {
        breaker.circuitBreaker().transitionToOpenState();
        breaker.circuitBreaker().transitionToHalfOpenState();
        assertThat(breaker.state()).isEqualTo("HALF_OPEN");
        assertThat(breaker.openRemainingMillis()).isZero();
    }
}
