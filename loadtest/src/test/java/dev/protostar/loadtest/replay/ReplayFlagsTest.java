package dev.protostar.loadtest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayFlagsTest {

    @Test
    void durations_read_as_people_write_them() {
        assertThat(Replay.duration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Replay.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Replay.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Replay.duration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Replay.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> Replay.duration("10x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_replayed_turn_asks_for_replay_priority_and_keeps_its_original_time_budget() {
        var original = ReplayPlanTest.turn("s", 0, 0, 0, "q").request();

        assertThat(Player.headers(original))
                .containsEntry("Protostar-Priority", "replay")
                .containsEntry("Request-Timeout", "120");
    }
}
