package dev.protostar.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunQueueTest {

    @Test
    void countsOnlyTheThreadsAliveAtBothEnds() {
        Map<String, long[]> before = Map.of(
                "/proc/1/task/1", new long[] {1_000_000, 10},
                "/proc/1/task/2", new long[] {5_000_000, 50});
        Map<String, long[]> after = Map.of(
                "/proc/1/task/1", new long[] {4_000_000, 13},
                // born in the window: its whole life would count as the window's
                "/proc/2/task/2", new long[] {9_000_000, 90});

        RunQueue waited = RunQueue.between(before, after);

        assertThat(waited).isEqualTo(new RunQueue(3_000_000, 3));
        assertThat(waited.meanWaitMillis()).isEqualTo(1.0);
        assertThat(RunQueue.between(before, Map.of()).meanWaitMillis()).isZero();
    }

    @Test
    void readsTheWaitAndTheSlicesOfASchedstatLine(@TempDir Path dir) throws Exception {
        Path schedstat = Files.writeString(dir.resolve("schedstat"), "2726913 413427 2\n");
        Path broken = Files.writeString(dir.resolve("broken"), "2726913\n");

        assertThat(RunQueue.read(schedstat)).containsExactly(413427, 2);
        assertThat(RunQueue.read(broken)).isNull();
        assertThat(RunQueue.read(dir.resolve("gone"))).isNull();
    }

    @Test
    void seesThisProcessThreads() {
        assertThat(RunQueue.snapshot())
                .as("this JVM's own threads, on a machine with per-thread scheduler statistics")
                .containsKey("/proc/" + ProcessHandle.current().pid() + "/task/"
                        + ProcessHandle.current().pid());
    }
}
