package dev.protostar.loadtest.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A local service frozen (SIGSTOP) and thawed (SIGCONT) with every process under it: to its clients it hangs as a
 * machine that stopped answering does — connections stay open, nothing comes back — which is harder on them than
 * a refused connection.
 */
final class Pause {

    private final List<Long> pids;

    private Pause(List<Long> pids) {
        this.pids = pids;
    }

    static Pause redis() {
        return of("redis-server", "127.0.0.1:" + LocalServices.REDIS_PORT);
    }

    /** The postmaster: the backends it forks are its descendants. */
    static Pause postgres() {
        return of("bin/postgres", "-p " + LocalServices.PG_PORT);
    }

    static Pause s3() {
        return of("java", "s3proxy");
    }

    /**
     * The process whose command line (as {@code /proc} shows it, a process title Redis sets included) holds every one
     * of {@code parts}, and its descendants: found by what it runs, not by a pid file, so the services another
     * checkout started are found too.
     */
    private static Pause of(String... parts) {
        ProcessHandle service = ProcessHandle.allProcesses()
                .filter(p -> java.util.Arrays.stream(parts).allMatch(commandLine(p.pid())::contains))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No process runs " + String.join(" ", parts)));
        List<Long> pids = new ArrayList<>();
        pids.add(service.pid());
        service.descendants().forEach(child -> pids.add(child.pid()));
        return new Pause(pids);
    }

    private static String commandLine(long pid) {
        try {
            byte[] raw =
                    java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc", String.valueOf(pid), "cmdline"));
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
