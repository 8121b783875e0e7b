package dev.protostar.loadtest.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final long MS = 1_000_000;
    private static final SimulatorConfig CONFIG =
            SimulatorConfig.defaults().withTtftMs(800).withTokensPerSecond(10).withStall(0, 5000);

    @Test
    void first_token_after_ttft_then_one_per_interval_and_the_finish_right_after_the_last() {
        Schedule schedule = Schedule.of(CONFIG, 4, false);

        assertThat(schedule.offsetNanos(0)).isEqualTo(800 * MS);
        assertThat(schedule.offsetNanos(1)).isEqualTo(900 * MS);
        assertThat(schedule.offsetNanos(3)).isEqualTo(1100 * MS);
        assertThat(schedule.finishNanos()).isEqualTo(1100 * MS);
    }

    @Test
    void a_stall_delays_everything_from_halfway_on() {
        Schedule schedule = Schedule.of(CONFIG, 10, true);

        assertThat(schedule.offsetNanos(4)).isEqualTo(1200 * MS);
        assertThat(schedule.stallsBefore(5)).isTrue();
        assertThat(schedule.offsetNanos(5)).isEqualTo((1300 + 5000) * MS);
        assertThat(schedule.finishNanos()).isEqualTo((1700 + 5000) * MS);
    }

    @Test
    void a_stall_comes_after_at_least_one_token() {
        assertThat(Schedule.of(CONFIG, 1, true).stallsBefore(1)).isTrue();
        assertThat(Schedule.of(CONFIG, 3, true).stallsBefore(1)).isTrue();
        assertThat(Schedule.of(CONFIG, 3, true).stallsBefore(0)).isFalse();
    }

    @Test
    void without_a_stall_no_chunk_is_delayed() {
        Schedule schedule = Schedule.of(CONFIG, 10, false);

        for (int chunk = 0; chunk <= 10; chunk++) {
            assertThat(schedule.stallsBefore(chunk)).isFalse();
        }
        assertThat(schedule.finishNanos()).isEqualTo(1700 * MS);
    }
}
