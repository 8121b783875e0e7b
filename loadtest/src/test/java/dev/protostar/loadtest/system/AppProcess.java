package dev.protostar.loadtest.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Protostar application as a real process (its executable jar), so a test can kill it the way a
 * machine dies ({@link #kill()}: SIGKILL, no shutdown hooks, no final commit).
 */
final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final Process process;
    private final int managementPort;
    private final String opsKey;
    private final Path log;

    private AppProcess(String name, Process process, int managementPort, String opsKey, Path log) {
        this.name = name;
        this.process = process;
        this.managementPort = managementPort;
        this.opsKey = opsKey;
        this.log = log;
    }

    /** Quick to start, light on a busy machine: what the system tests use. */
    static final List<String> TEST_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** As {@code ./protostar run} starts the applications: the JVM's own choices, full JIT. For benchmarks. */
    static final List<String> PRODUCTION_JVM = List.of("-Xmx768m", "-XX:+UseZGC");

    /**
     * Starts {@code module}'s executable jar with {@code env} in a JVM with {@code jvmOptions}; returns once its
     * health endpoint on {@code managementPort} says UP.
     */
    static AppProcess start(
            String name, String module, int managementPort, Map<String, String> env, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path jar = executableJar(module);
        Path log = Path.of("target", "it-logs", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        AppProcess app = new AppProcess(name, builder.start(), managementPort, env.get("PROTOSTAR_OPS_KEY"), log);
        app.awaitHealthy(Duration.ofSeconds(120));
        return app;
    }

    private static Path executableJar(String module) throws IOException {
        Path target = Path.of("..", module, "target");
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException("No executable jar in " + target + "; run the build first"));
        }
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < giveUp) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> health = HTTP.send(
                        HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + log.toAbsolutePath());
    }

    /** GET on the management port; the body as text. */
    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                management(path).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    String name() {
        return name;
    }

    /**
     * The value of a Prometheus sample of this application, summed over its series that carry every
     * label in {@code labels} (e.g. {@code gate="capacity"}); 0 if there is none.
     */
    double metric(String name, String... labels) throws IOException, InterruptedException {
        double sum = 0;
        for (String line : get("/actuator/prometheus").split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                String series = line.substring(0, line.lastIndexOf(' '));
                if (java.util.Arrays.stream(labels).allMatch(series::contains)) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    if (Double.isNaN(value)) {
                        throw new IllegalStateException(series + " reads NaN (a gauge whose state was collected?)");
                    }
                    sum += value;
                }
            }
        }
        return sum;
    }

    /** The CPU time this application's JVM has used so far, in nanoseconds (0 where the OS does not say). */
    long cpuNanos() {
        return cpuNanos(process.toHandle());
    }

    /** The CPU time a process has used so far, in nanoseconds (0 where the OS does not say). */
    static long cpuNanos(ProcessHandle handle) {
        return handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** A request to the management port with the stack's ops key (beyond health and Prometheus it needs one). */
    HttpRequest.Builder management(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(managementUrl() + path));
        return opsKey == null || opsKey.isBlank() ? request : request.header("Authorization", "Bearer " + opsKey);
    }

    String opsKey() {
        return opsKey;
    }

    /** Dies at once, like a lost machine: no shutdown, no commits, consumer group left by timeout. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }
}
