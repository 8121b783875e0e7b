package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.loadtest.bench.BenchSettings;
import dev.protostar.loadtest.bench.DamBenchmark;
import dev.protostar.loadtest.bench.DamReport;
import dev.protostar.loadtest.sim.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Traffic Dam benchmark ({@code ./protostar bench-dam}, which sets {@code protostar.bench.profile=full} and
 * saves the report): on one stack — a worker, ingestion, the simulator as a model of fixed capacity — each mode
 * gets a chat-api of its own, the dam and then each baseline, and the same harness offers them the same load.
 * Without the full profile the build runs a few minutes of it (the dam and no dam at 2×, a short flood, 100
 * sessions for the pipeline's cost) to keep the harness honest: that run asserts only what must hold at any
 * scale — no admitted turn failed, every refusal clean, no slot held afterwards.
 */
class DamBenchmarkIT {

    /** 64 streams, 800 ms to the first token, 30 tokens/s, 429 with Retry-After 1 s beyond (issue 4's example). */
    private static final SimulatorConfig MODEL = SimulatorConfig.defaults().withPort(0);

    private static final Duration PIPELINE_TTFT = Duration.ofSeconds(2);

    /**
     * {@code -Dprotostar.bench.only=pipeline}: only the pipeline's cost (no capacity, no overload, no flood), a few
     * minutes instead of a quarter of an hour, for working on the pipeline.
     */
    private static final boolean PIPELINE_ONLY = "pipeline".equals(System.getProperty("protostar.bench.only"));

    private int instances;

    @Test
    void the_dam_keeps_goodput_under_overload_and_refuses_cleanly_against_its_baselines() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        List<DamBenchmark.Level> levels = new ArrayList<>();
        List<DamBenchmark.Flood> floods = new ArrayList<>();
        DamBenchmark.Capacity capacity;
        DamBenchmark.PipelineCost pipeline;
        try (Stack stack = Stack.start(MODEL).withProductionJvm()) {
            stack.ingestion("bench-ingestion");
            Map<String, String> workerEnv = new HashMap<>();
            // room for the pipeline run's sessions; the model's 64 streams are learned from its 429s
            workerEnv.put("PROTOSTAR_WORKER_MAXINFLIGHT", String.valueOf(settings.pipelineSessions() + 200));
            workerEnv.putAll(flightRecording("bench-worker"));
            AppProcess worker = stack.worker("bench-worker", "active", workerEnv);
            DamBenchmark bench = null;
            capacity = null;
            if (!PIPELINE_ONLY) {
                try (DamBenchmark.ChatApi none = chatApi(stack, "none", settings)) {
                    bench = bench(stack, none, settings);
                    capacity = bench.capacity(none, MODEL.maxStreams());
                }
                double c = capacity.perSecond();
                for (String mode : settings.modes()) {
                    awaitQuiet(stack, worker);
                    try (DamBenchmark.ChatApi api = chatApi(stack, mode, settings)) {
                        DamBenchmark.ModeRun run = bench.run(mode, api, c);
                        levels.addAll(run.levels());
                        floods.add(run.flood());
                    }
                }
                awaitQuiet(stack, worker);
            }
            stack.llm.reconfigure(MODEL.withTtftMs(PIPELINE_TTFT.toMillis()).withMaxStreams(100_000));
            try (DamBenchmark.ChatApi api = chatApi(stack, "pipeline", settings)) {
                if (bench == null) {
                    bench = bench(stack, api, settings);
                }
                AppProcess chatApi = stack.app("bench-chat-api-pipeline-" + instances);
                List<DamBenchmark.CpuMeter> cpu = List.of(
                        new DamBenchmark.CpuMeter("worker", worker::cpuNanos),
                        new DamBenchmark.CpuMeter("chat-api", chatApi::cpuNanos),
                        new DamBenchmark.CpuMeter(
                                "this JVM (broker, simulator, load)",
                                () -> AppProcess.cpuNanos(ProcessHandle.current())),
                        new DamBenchmark.CpuMeter("the whole machine", () -> procStatNanos(1, 2, 3, 6, 7)),
                        new DamBenchmark.CpuMeter("taken by the host (steal)", () -> procStatNanos(8)));
                pipeline =
                        bench.pipelineCost(api, settings.pipelineSessions(), PIPELINE_TTFT, cpu, () -> scrape(worker));
            }
        }

        DamReport report = new DamReport(settings, capacity, levels, floods, pipeline);
        String markdown = report.markdown();
        System.out.println(markdown);
        String path = System.getProperty("protostar.dam.report");
        if (path != null && !path.isBlank()) {
            Files.writeString(Path.of(path), header(settings) + markdown);
        }

        for (DamBenchmark.Level level : levels) {
            String run = level.mode() + " at " + level.multiple() + "x";
            assertThat(level.figures().unclean())
                    .as("refusals without Retry-After or other failures, " + run)
                    .isZero();
            if (level.mode().equals("dam")) {
                assertThat(level.figures().failedAdmitted())
                        .as("admitted turns that failed, " + run)
                        .isZero();
                assertThat(level.slotsAfter())
                        .as("slots held after the run, " + run)
                        .isZero();
            }
        }
        if (PIPELINE_ONLY) {
            assertThat(pipeline.figures().failedAdmitted())
                    .as("admitted turns that failed in the pipeline's run")
                    .isZero();
            return;
        }
        DamBenchmark.Flood flood = report.flood("dam").orElseThrow();
        assertThat(flood.slotsAfter()).as("slots held after the flood").isZero();
        assertThat(flood.all().failedAdmitted())
                .as("admitted turns that failed in the flood")
                .isZero();
    }

    /**
     * The machine's CPU time in the given fields of /proc/stat's first line: 1, 2, 3, 6, 7 are every process's
     * (user, nice, system, interrupts; not idle or I/O wait), 8 is what the hypervisor gave other guests (steal).
     */
    private static long procStatNanos(int... fields) {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int field : fields) {
                ticks += Long.parseLong(cpu[field]);
            }
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The worker's metrics, or nothing if it did not answer (the report then has no stages). */
    private static String scrape(AppProcess worker) {
        try {
            return worker.get("/actuator/prometheus");
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static DamBenchmark bench(Stack stack, DamBenchmark.ChatApi api, BenchSettings settings) throws Exception {
        String candidateId = stack.candidateWithResume(new ApiClient(api.baseUrl()));
        return new DamBenchmark(settings, stack.recruiterKey, candidateId, Stack.QUESTION);
    }

    /** Nothing left from the run before: no turn at the worker, no stream at the model. */
    private static void awaitQuiet(Stack stack, AppProcess worker) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < giveUp) {
            String status = worker.get("/actuator/worker");
            if (stack.llm.stats().activeStreams() == 0 && status.contains("\"inFlight\":0")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The worker did not drain between runs: " + worker.get("/actuator/worker"));
    }

    private DamBenchmark.ChatApi chatApi(Stack stack, String mode, BenchSettings settings) throws Exception {
        String name = "bench-chat-api-" + mode + "-" + (++instances);
        Map<String, String> env = new HashMap<>();
        boolean pipeline = mode.equals("pipeline");
        env.put("PROTOSTAR_DAM_MODE", pipeline ? "dam" : mode);
        // the static baselines at the model's true capacity: their best case
        env.put("PROTOSTAR_DAM_BASELINESIZE", String.valueOf(MODEL.maxStreams()));
        // the pipeline's cost is measured with every gate running but none refusing
        env.put("PROTOSTAR_DAM_SHADOW", pipeline ? "capacity,deadline,breaker" : "none");
        // quotas are on the way (leased in blocks from Redis, as for any busy tenant) but sized not to refuse: this is
        // about capacity
        env.put("PROTOSTAR_DAM_QUOTA_SHADOW", "false");
        env.put("PROTOSTAR_DAM_QUOTA_REQUESTSPERMINUTE", "10000000");
        env.put("PROTOSTAR_DAM_QUOTA_TOKENSPERMINUTE", "10000000000");
        // every session's stream stays open through a mode's runs: the 10x run of no admission control needs thousands
        env.put("PROTOSTAR_MAX_STREAMS", "4000");
        env.putAll(flightRecording(name));
        ApiClient api = stack.chatApi(name, env);
        AppProcess process = stack.app(name);
        return new DamBenchmark.ChatApi() {
            @Override
            public String baseUrl() {
                return api.baseUrl();
            }

            @Override
            public String managementUrl() {
                return process.managementUrl();
            }

            @Override
            public String opsKey() {
                return process.opsKey();
            }

            @Override
            public void close() throws Exception {
                process.close();
            }
        };
    }

    /** With {@code -Dprotostar.bench.jfr=true}, the application records a profile into {@code target/<name>.jfr}. */
    private static Map<String, String> flightRecording(String name) {
        return Boolean.getBoolean("protostar.bench.jfr")
                ? Map.of(
                        "JAVA_TOOL_OPTIONS",
                        "-XX:StartFlightRecording=filename=target/" + name + ".jfr,settings=default")
                : Map.of();
    }

    private static String header(BenchSettings settings) {
        return """
                # Traffic Dam benchmark

                Produced by `./protostar bench-dam` (`DamBenchmarkIT`, profile `%s`) on %s, on the development machine
                (2 cores, 24 GiB, no GPU), everything on it at once: PostgreSQL, Redis, S3Proxy, a Kafka broker, the
                LLM simulator and the load generator in the test JVM, one worker, one ingestion, and one chat-api per
                mode (the applications as in production: full JIT, ZGC). The model is the simulator with a fixed
                capacity: %d concurrent streams, %d ms to the first token, %.0f tokens/s, a ~65-word answer, 429 with
                `Retry-After: 1` beyond. Every turn is one POST on a session whose event stream is already open (as a
                browser tab holds it) and is followed to its `done` or `error`; each carries `Request-Timeout: %d`.
                Load is open-model (Poisson arrivals that never wait for earlier turns); each level runs %s s, of which
                the first %s s are not counted. Goodput counts turns answered to their end whose first token reached
                the client within %s s. Baselines hold their permit for the whole stream, as the dam holds its slot:
                Camel's Throttle EIP in concurrent mode and a resilience4j bulkhead, both sized to the model's true
                capacity (their best case), and Netflix concurrency-limits' Gradient2 with a SimpleLimiter.

                """
                .formatted(
                        settings.profile(),
                        LocalDate.now(),
                        MODEL.maxStreams(),
                        MODEL.ttftMs(),
                        MODEL.tokensPerSecond(),
                        settings.deadline().toSeconds(),
                        settings.warmUp().plus(settings.measure()).toSeconds(),
                        settings.warmUp().toSeconds(),
                        settings.slo().toMillis() / 1000.0);
    }
}
