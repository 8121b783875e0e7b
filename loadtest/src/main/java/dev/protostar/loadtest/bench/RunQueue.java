package dev.protostar.loadtest.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How long the machine's threads waited for a core over a window: every thread's
 * {@code /proc/<pid>/task/<tid>/schedstat} (time on a core, time runnable but waiting for one, and how many
 * times it was given one), summed over the threads alive at both ends. It tells a slow step from a machine
 * with no core free: a woken thread's wait is paid at every hand-off on a turn's way, whatever the code does.
 *
 * @param waitNanos time threads spent runnable and waiting for a core
 * @param slices times a thread was given a core
 */
public record RunQueue(long waitNanos, long slices) {

    private static final Path PROC = Path.of("/proc");

    /** Each live thread's {@code [wait, slices]}, by its schedstat path; empty where /proc has none. */
    public static Map<String, long[]> snapshot() {
        Map<String, long[]> threads = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                try (DirectoryStream<Path> tasks = Files.newDirectoryStream(process.resolve("task"))) {
                    for (Path task : tasks) {
                        long[] stat = read(task.resolve("schedstat"));
                        if (stat != null) {
                            threads.put(task.toString(), stat);
                        }
                    }
                } catch (IOException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return threads;
    }

    /** What the threads alive at both snapshots waited between them; a thread born or ended meanwhile is left out. */
    public static RunQueue between(Map<String, long[]> before, Map<String, long[]> after) {
        long wait = 0;
        long slices = 0;
        for (Map.Entry<String, long[]> thread : after.entrySet()) {
            long[] was = before.get(thread.getKey());
            if (was != null) {
                wait += thread.getValue()[0] - was[0];
                slices += thread.getValue()[1] - was[1];
            }
        }
        return new RunQueue(wait, slices);
    }

    /** How long a thread made runnable waited, on average, before a core ran it; 0 when no thread was counted. */
    public double meanWaitMillis() {
        return slices == 0 ? 0 : waitNanos / 1e6 / slices;
    }

    /** {@code [wait, slices]} from a schedstat line ({@code oncpu wait slices}), or null if it cannot be read. */
    static long[] read(Path schedstat) {
        try {
            String[] fields = Files.readString(schedstat).trim().split("\\s+");
            return fields.length < 3 ? null : new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])};
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
