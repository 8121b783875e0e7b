package dev.protostar.loadtest.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A local service frozen (SIGSTOP) and thawed (SIGCONT) with every process under it: to its clients it hangs as a
 * machine that stopped answering does — connections stay open, nothing comes back — which is harder on them than
 * a refused connection.
 */
final class Pause {

    private static final Path VAR = Path.of(
            System.getenv().getOrDefault("PROTOSTAR_VAR", Path.of("..", "var").toString()));

    private final List<Long> pids;

    private Pause(List<Long> pids) {
        this.pids = pids;
    }

    static Pause redis() throws IOException {
        return of(VAR.resolve("run/redis.pid"));
    }

    static Pause postgres() throws IOException {
        return of(VAR.resolve("postgres/data/postmaster.pid"));
    }

    static Pause s3() throws IOException {
        return of(VAR.resolve("run/s3proxy.pid"));
    }

    private static Pause of(Path pidFile) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(child -> pids.add(child.pid())));
        return new Pause(pids);
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
