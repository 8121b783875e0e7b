package dev.protostar.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic and report on made-up turns: goodput, quantiles, targets met or not. */
class DamReportTest {

    private static final long MS = 1_000_000;
    private static final long SLO = 2000 * MS;

    private static Turn done(long ttftMs) {
        return new Turn("interactive", 1, 202, 5 * MS, ttftMs * MS, 3000 * MS, Turn.Outcome.DONE, null, -1);
    }

    /** Answered, its first token {@code workerTtftMs} after the intake's arrival as the {@code done} event says. */
    private static Turn answered(long ttftMs, long workerTtftMs) {
        return new Turn("interactive", 1, 202, 5 * MS, ttftMs * MS, 3000 * MS, Turn.Outcome.DONE, null, workerTtftMs);
    }

    private static Turn refused(String priority, long replyMs) {
        return new Turn(priority, 1, 503, replyMs * MS, -1, -1, Turn.Outcome.REFUSED, "capacity", -1);
    }

    private static Figures figures(List<Turn> turns) {
        return new Figures(turns, 10, SLO);
    }

    @Test
    void goodput_counts_only_answers_whose_first_token_came_within_the_slo() {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            turns.add(done(900));
        }
        for (int i = 0; i < 10; i++) {
            turns.add(done(2500));
        }
        turns.add(new Turn("interactive", 1, 202, 5 * MS, 800 * MS, -1, Turn.Outcome.LOST, null, -1));
        turns.add(refused("interactive", 3));

        Figures figures = figures(turns);

        assertThat(figures.good()).isEqualTo(90);
        assertThat(figures.goodput()).isEqualTo(9.0);
        assertThat(figures.failedAdmitted()).isEqualTo(1);
        assertThat(figures.admitted()).isEqualTo(101);
        assertThat(figures.ttftMillis(0.5)).isEqualTo(900);
        assertThat(figures.ttftMillis(0.99)).isEqualTo(2500);
        assertThat(figures.rejectionMillis(0.99)).isEqualTo(3);
        assertThat(figures.reasons()).containsEntry("lost", 1L).containsEntry("refused capacity", 1L);
    }

    @Test
    void only_turns_offered_inside_the_window_count() {
        List<Turn> turns = List.of(
                new Turn("interactive", 1 * 1000 * MS, 202, MS, 900 * MS, 3000 * MS, Turn.Outcome.DONE, null, -1),
                new Turn("interactive", 6 * 1000 * MS, 202, MS, 900 * MS, 3000 * MS, Turn.Outcome.DONE, null, -1));

        Figures figures = Figures.of(turns, 5 * 1000 * MS, 10 * 1000 * MS, SLO);

        assertThat(figures.offered()).isEqualTo(1);
        assertThat(figures.goodput()).isEqualTo(0.2);
    }

    @Test
    void the_report_says_which_targets_hold() {
        DamBenchmark.Capacity capacity =
                new DamBenchmark.Capacity(64, 21.0, 0.9, figures(List.of(done(850), done(850))), true);
        List<Turn> atTwo = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            atTwo.add(done(900));
        }
        atTwo.add(refused("interactive", 12));
        List<Turn> flood = new ArrayList<>(List.of(done(900), refused("bulk", 2), refused("replay", 2)));
        DamReport report = new DamReport(
                BenchSettings.smoke(),
                capacity,
                List.of(new DamBenchmark.Level(
                        "dam", 2, figures(atTwo), 0, new DamBenchmark.Server(2.5, 0.1, 1.5, 0.9))),
                List.of(new DamBenchmark.Flood(
                        "dam", figures(flood), figures(flood).only("interactive"), 0)),
                new DamBenchmark.PipelineCost(
                        100,
                        figures(List.of(answered(2030, 2021), answered(2040, 2025))),
                        2000 * MS,
                        20,
                        Map.of("worker", 12.5),
                        Map.of("ground", new double[] {8.0, 12.5}),
                        // 2.4 s of waiting over the smoke profile's 8 s window, in 1,000 slices
                        new RunQueue(2_400 * MS, 1_000)));

        assertThat(report.c()).isEqualTo(0.2);
        assertThat(report.targets())
                .extracting(DamReport.Target::name, DamReport.Target::met)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("goodput ≥ 0.95 C at 2×", true),
                        org.assertj.core.groups.Tuple.tuple("p99 rejection ≤ 10 ms", false),
                        org.assertj.core.groups.Tuple.tuple("zero failed admitted turns", true),
                        org.assertj.core.groups.Tuple.tuple("zero slots in use after every run", true));
        String markdown = report.markdown();
        assertThat(markdown)
                .contains("| **dam** | 2× |")
                .contains("| 12 ms | 2.5 ms | 0.1 ms | 1.5 ms | 0.9 ms |")
                .contains("12.0 ms (worst load); in the server ≤ 2.5 ms")
                .contains("**not met**")
                .contains("C = 0.20 turns/s")
                .contains("| 100 | 0.2 | 20 | 2030 ms | 2040 ms | 30 ms | 40 ms |")
                // to the worker's first token 21 and 25 ms after the model's 2000, the rest 9 and 15 ms
                .contains("| 21 ms | 25 ms | 9 ms | 15 ms |")
                .contains("| ground | 8.0 ms | 12.5 ms |")
                .contains("| worker |\n| ---: |\n| 12.5 ms |")
                // two turns offered in the window: 1,200 ms of waiting each
                .contains("1200.0 ms per turn, 0.30 threads runnable and waiting on average")
                .contains("waited **2.40 ms** on average");
        assertThat(Duration.ofNanos(capacity.figures().sloNanos())).isEqualTo(Duration.ofSeconds(2));
    }
}
