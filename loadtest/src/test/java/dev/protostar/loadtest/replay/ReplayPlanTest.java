package dev.protostar.loadtest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protostar.kafka.message.ChatRequest;
import dev.protostar.kafka.message.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayPlanTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void gaps_between_arrivals_are_divided_by_the_speed_up() {
        List<RecordedTurn> turns = List.of(
                turn("a", 0, 1, 0, "first"), turn("b", 10_000, 2, 0, "second"), turn("c", 25_000, 3, 0, "third"));

        ReplayPlan plan = ReplayPlan.of(turns, 10);

        assertThat(plan.sessions())
                .extracting(s -> s.steps().getFirst().due())
                .containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(2_500));
        assertThat(plan.length()).isEqualTo(Duration.ofMillis(2_500));
        assertThat(plan.turns()).isEqualTo(3);
    }

    @Test
    void at_speed_one_the_original_gaps_are_kept() {
        ReplayPlan plan = ReplayPlan.of(List.of(turn("a", 0, 1, 0, "x"), turn("a", 1_234, 1, 1, "y")), 1);

        assertThat(plan.sessions().getFirst().steps())
                .extracting(ReplayPlan.Step::due)
                .containsExactly(Duration.ZERO, Duration.ofMillis(1_234));
    }

    @Test
    void the_window_starts_at_its_first_turn_whatever_the_file_order() {
        ReplayPlan plan = ReplayPlan.of(List.of(turn("late", 60_000, 1, 0, "x"), turn("early", 30_000, 2, 0, "y")), 2);

        assertThat(plan.sessions())
                .extracting(ReplayPlan.Session::originalSessionId)
                .containsExactly("early", "late");
        assertThat(plan.sessions().getLast().steps().getFirst().due()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void each_session_keeps_its_own_order_among_interleaved_sessions() {
        List<RecordedTurn> turns = List.of(
                turn("s1", 0, 4, 10, "s1-q1"),
                turn("s2", 1_000, 7, 3, "s2-q1"),
                turn("s1", 2_000, 4, 11, "s1-q2"),
                turn("s2", 3_000, 7, 4, "s2-q2"),
                turn("s1", 4_000, 4, 12, "s1-q3"));

        ReplayPlan plan = ReplayPlan.of(turns, 4);

        assertThat(plan.sessions()).hasSize(2);
        assertThat(plan.sessions().get(0).steps())
                .extracting(step -> step.turn().request().text())
                .containsExactly("s1-q1", "s1-q2", "s1-q3");
        assertThat(plan.sessions().get(0).steps())
                .extracting(ReplayPlan.Step::due)
                .containsExactly(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(plan.sessions().get(1).steps())
                .extracting(step -> step.turn().request().text())
                .containsExactly("s2-q1", "s2-q2");
        assertThat(plan.sessions().get(1).steps())
                .extracting(ReplayPlan.Step::due)
                .containsExactly(Duration.ofMillis(250), Duration.ofMillis(750));
    }

    @Test
    void a_sessions_turns_follow_their_offsets_even_when_a_timestamp_went_backwards() {
        List<RecordedTurn> turns = List.of(turn("s", 5_000, 0, 1, "first"), turn("s", 4_000, 0, 2, "second"));

        ReplayPlan plan = ReplayPlan.of(turns, 1);

        assertThat(plan.sessions().getFirst().steps())
                .extracting(step -> step.turn().request().text())
                .containsExactly("first", "second");
        assertThat(plan.sessions().getFirst().steps())
                .extracting(ReplayPlan.Step::due)
                .as("never due before the turn it follows")
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void a_replayed_session_asks_about_the_recorded_candidate() {
        ReplayPlan plan = ReplayPlan.of(List.of(turn("s", 0, 0, 0, "q")), 1);

        assertThat(plan.sessions().getFirst().candidateId()).isEqualTo("candidate-of-s");
    }

    @Test
    void an_empty_window_is_an_empty_plan_and_the_speed_must_be_positive() {
        assertThat(ReplayPlan.of(List.of(), 10).sessions()).isEmpty();
        assertThat(ReplayPlan.of(List.of(), 10).length()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> ReplayPlan.of(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplayPlan.of(List.of(), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    static RecordedTurn turn(String sessionId, long atMillis, int partition, long offset, String text) {
        Instant at = T0.plusMillis(atMillis);
        ChatRequest request = new ChatRequest(
                "req-" + sessionId + "-" + offset,
                sessionId,
                "tenant",
                "candidate-of-" + sessionId,
                text,
                Priority.INTERACTIVE,
                at.plusSeconds(120),
                at,
                1);
        return new RecordedTurn(at, partition, offset, request);
    }
}
