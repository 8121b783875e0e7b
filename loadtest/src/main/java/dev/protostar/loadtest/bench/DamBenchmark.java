package dev.protostar.loadtest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Traffic Dam against the usual ways to protect a service, in one harness and one run: first the
 * capacity C (sustained goodput with exactly as many users as the model has streams), then, for the dam and
 * each baseline in turn, open-model load at multiples of C and a flood of bulk and replayed turns over a
 * trickle of people. {@link #pipelineCost} is the pipeline's own share of the time to first token.
 *
 * <p>The harness only talks to the users' API and reads chat-api's Prometheus endpoint; the caller starts
 * a chat-api per mode ({@link ChatApis}) and everything behind it.
 */
public final class DamBenchmark {

    /** A chat-api whose capacity gates are one mode's: the dam, or a baseline. */
    public interface ChatApi extends AutoCloseable {

        String baseUrl();

        String managementUrl();

        /** An ops key: the dam's gauges are read from the management port's metrics endpoint. */
        String opsKey();
    }

    /** Starts a chat-api for a mode ({@code dam}, {@code none}, {@code throttle}, {@code bulkhead}, {@code gradient2}). */
    public interface ChatApis {

        ChatApi start(String mode) throws Exception;
    }

    /**
     * The capacity search's result: the model's {@code streams}, its nominal capacity (turns/s), the share of it
     * offered at the rate that held, and that rate's figures; {@code held} is false when even the lowest broke.
     */
    public record Capacity(int streams, double nominal, double share, Figures figures, boolean held) {

        public double perSecond() {
            return figures.goodput();
        }
    }

    /**
     * One offered load against one mode: its figures, the slots still held once every turn had ended, and the
     * intake's own p99 to refuse in the measured window (NaN when nothing was refused).
     */
    public record Level(String mode, double multiple, Figures figures, double slotsAfter, Server server) {}

    /**
     * The server's own p99s over a level's window, in ms (upper bounds of histogram buckets): the intake's time
     * to refuse a turn, and within it the two gates that ask Redis, whatever they decided; and the machine's
     * floor: what the client waited for a request no gate sees ({@code GET /api/v1/me}, ten a second).
     */
    public record Server(double refusalMillis, double quotaMillis, double sessionMillis, double floorMillis) {

        static Server between(String earlier, String later, double floorMillis) {
            return new Server(
                    p99(earlier, later, "protostar_intake_duration_seconds", "outcome=\"refused\""),
                    p99(earlier, later, "protostar_dam_gate_duration_seconds", "gate=\"quota\""),
                    p99(earlier, later, "protostar_dam_gate_duration_seconds", "gate=\"session\""),
                    floorMillis);
        }

        private static double p99(String earlier, String later, String name, String label) {
            return ServerHistogram.between(earlier, later, name, label).quantileMillis(0.99);
        }
    }

    /** People asking at a trickle while bulk and replayed turns flood in. */
    public record Flood(String mode, Figures all, Figures people, double slotsAfter) {}

    /** A process's (or the machine's) CPU time used so far, in nanoseconds, for {@link #pipelineCost}. */
    public record CpuMeter(String name, LongSupplier usedNanos) {}

    /**
     * What the pipeline adds to the model's time to first token, at {@code sessions} sessions at once, and the
     * CPU each meter counted per turn over the measured window (ms of CPU per turn started in it).
     */
    public record PipelineCost(
            int sessions,
            Figures figures,
            long modelTtftNanos,
            int peakInFlight,
            Map<String, Double> cpuPerTurn,
            Map<String, double[]> workerStages,
            RunQueue runQueue) {

        /**
         * The worker's stages before it asks the model ({@code protostar_worker_stage_seconds}), in their order; its
         * {@code first-token} stage holds the model's 2 s, too coarse in histogram buckets to subtract it from.
         */
        static final List<String> STAGES = List.of("queued", "announce", "recall", "ground");

        /** Client-side time to first token minus the model's, quantile {@code q}, in ms. */
        public double overheadMillis(double q) {
            return figures.ttftMillis(q) - modelTtftNanos / 1e6;
        }
    }

    private final BenchSettings settings;
    private final String recruiterKey;
    private final String candidateId;
    private final String question;
    /** The event streams (hundreds at once, each reading its deltas) and the scrapes. */
    private final HttpClient http = client();
    /**
     * The turns' POSTs, on a client of their own: one client's single selector thread serving every stream's
     * deltas as well would add its own queue to each reply, which no browser's would.
     */
    private final HttpClient posts = client();

    public DamBenchmark(BenchSettings settings, String recruiterKey, String candidateId, String question) {
        this.settings = settings;
        this.recruiterKey = recruiterKey;
        this.candidateId = candidateId;
        this.question = question;
    }

    /**
     * Capacity C, as C* of the flow-control notes: the highest offered rate that the unprotected system (mode
     * {@code none}) serves with its p99 time to first token within the SLO and not one turn failed or refused.
     * Rates are tried in rising shares of the model's nominal capacity (its streams over the mean length of a
     * turn on an idle model), and the search stops at the first share that breaks; C is the goodput measured
     * at the last one that held.
     */
    public Capacity capacity(ChatApi api, int streams) throws Exception {
        try (SessionPool sessions = pool(api)) {
            Load load = load(api, sessions);
            sessions.fill(poolSize(streams));
            double turnSeconds = load.closed(4, settings.warmUp(), Duration.ZERO).stream()
                            .filter(t -> t.outcome() == Turn.Outcome.DONE)
                            .mapToLong(Turn::totalNanos)
                            .average()
                            .orElseThrow(() -> new IllegalStateException("no turn was answered on an idle model"))
                    / 1e9;
            double nominal = streams / turnSeconds;
            Capacity held = null;
            for (double share : CAPACITY_SHARES) {
                // one step follows the last at a slightly higher rate: a short warm-up settles it
                Duration warm =
                        settings.warmUp().compareTo(CAPACITY_WARM_UP) < 0 ? settings.warmUp() : CAPACITY_WARM_UP;
                List<Turn> turns = load.open(Map.of("interactive", nominal * share), warm.plus(settings.measure()));
                Figures figures = Figures.of(
                        turns,
                        warm.toNanos(),
                        warm.plus(settings.measure()).toNanos(),
                        settings.slo().toNanos());
                boolean holds = figures.admitted() == figures.offered()
                        && figures.failedAdmitted() == 0
                        && figures.ttftMillis(0.99) <= settings.slo().toMillis();
                if (!holds && held != null) {
                    break;
                }
                held = new Capacity(streams, nominal, share, figures, holds);
                if (!holds) {
                    break; // even the lowest share broke: C is what it served, and the report says so
                }
            }
            return held;
        }
    }

    private static final Pattern METRIC_VALUE = Pattern.compile("\"value\"\\s*:\\s*([-+0-9.eE]+)");

    private static final Duration CAPACITY_WARM_UP = Duration.ofSeconds(5);

    /** Shares of the nominal capacity the capacity search offers, lowest first. */
    private static final List<Double> CAPACITY_SHARES =
            List.of(0.5, 0.7, 0.8, 0.9, 1.0, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.4, 1.5);

    /** Everything one mode was offered: each multiple of C, then the flood. */
    public record ModeRun(List<Level> levels, Flood flood) {}

    /**
     * One mode's runs on one set of sessions (their streams stay open throughout, as people's pages do): a
     * warm-up at C, open-model load at each multiple of C (each run drained before the next), then people at
     * {@link BenchSettings#peopleShare} of C while bulk and replayed turns arrive at half the flood multiple of C
     * each. The sessions are enough for every turn admitted at the highest rate to hold one until its deadline.
     */
    public ModeRun run(String mode, ChatApi api, double capacity) throws Exception {
        List<Level> levels = new ArrayList<>();
        try (SessionPool sessions = pool(api)) {
            double most = Math.max(
                    settings.floodMultiple(),
                    settings.multiples().stream().mapToDouble(m -> m).max().orElse(1));
            sessions.fill(poolSize(capacity * most));
            Load load = load(api, sessions);
            load.open(Map.of("interactive", capacity), settings.warmUp());
            for (double multiple : settings.multiples()) {
                CompletableFuture<String> measuring = CompletableFuture.supplyAsync(
                        () -> {
                            sleep(settings.warmUp());
                            return prometheus(api);
                        },
                        runnable -> Thread.ofVirtual().start(runnable));
                Floor floor = new Floor(api, settings.warmUp());
                List<Turn> turns = load.open(Map.of("interactive", capacity * multiple), run());
                Server server = Server.between(measuring.join(), prometheus(api), floor.stop());
                levels.add(new Level(mode, multiple, window(turns), slotsAfter(api), server));
            }
            double flood = capacity * settings.floodMultiple();
            Map<String, Double> rates = new LinkedHashMap<>();
            rates.put("interactive", capacity * settings.peopleShare());
            rates.put("bulk", flood / 2);
            rates.put("replay", flood / 2);
            Figures all = window(load.open(rates, run()));
            return new ModeRun(levels, new Flood(mode, all, all.only("interactive"), slotsAfter(api)));
        }
    }

    /**
     * {@code sessions} sessions, each with its stream open, asking back to back against a model with ample
     * capacity and a fixed time to first token: the client's time to first token minus the model's is what
     * the pipeline (intake, dam, Kafka both ways, worker, retrieval, SSE) costs.
     */
    public PipelineCost pipelineCost(
            ChatApi api, int count, Duration modelTtft, List<CpuMeter> cpu, Supplier<String> workerMetrics)
            throws Exception {
        try (SessionPool sessions = pool(api)) {
            sessions.fill(count + count / 10);
            AtomicInteger peak = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    try {
                        peak.accumulateAndGet((int) inFlight(api), Math::max);
                        Thread.sleep(500);
                    } catch (IOException e) {
                        // a missed sample
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            // people start within one think of each other, and the chat-api is fresh: measure once all of them
            // are asking and its JIT has compiled what they run
            Duration warmUp = settings.pipelineLead();
            CompletableFuture<Window> used = CompletableFuture.supplyAsync(
                    () -> over(cpu, workerMetrics, warmUp, settings.measure()), Thread::startVirtualThread);
            List<Turn> turns;
            try {
                turns = load(api, sessions).closed(count, warmUp.plus(settings.measure()), settings.pipelineThink());
            } finally {
                running.set(false);
                sampler.join();
            }
            long from = warmUp.toNanos();
            Figures figures = Figures.of(
                    turns,
                    from,
                    from + settings.measure().toNanos(),
                    settings.slo().toNanos());
            Map<String, Double> perTurn = new LinkedHashMap<>();
            Window window = used.join();
            for (int i = 0; i < cpu.size(); i++) {
                perTurn.put(cpu.get(i).name(), window.cpuNanos()[i] / 1e6 / Math.max(1, figures.offered()));
            }
            Map<String, double[]> stages = new LinkedHashMap<>();
            for (String stage : PipelineCost.STAGES) {
                ServerHistogram h = ServerHistogram.between(
                        window.metricsBefore(),
                        window.metricsAfter(),
                        "protostar_worker_stage_seconds",
                        "stage=\"" + stage + "\"");
                stages.put(stage, new double[] {h.quantileMillis(0.5), h.quantileMillis(0.99)});
            }
            return new PipelineCost(
                    count, figures, modelTtft.toNanos(), peak.get(), perTurn, stages, window.runQueue());
        }
    }

    /** What the meters used, the worker's metrics at either end and the machine's run queue, over a window. */
    private record Window(long[] cpuNanos, String metricsBefore, String metricsAfter, RunQueue runQueue) {}

    /** The CPU each meter used over {@code measure}, once {@code after} has passed, and the metrics either side. */
    private static Window over(List<CpuMeter> cpu, Supplier<String> metrics, Duration after, Duration measure) {
        try {
            Thread.sleep(after);
            String before = metrics.get();
            long[] used = cpu.stream().mapToLong(m -> m.usedNanos().getAsLong()).toArray();
            Map<String, long[]> threads = RunQueue.snapshot();
            Thread.sleep(measure);
            RunQueue waited = RunQueue.between(threads, RunQueue.snapshot());
            for (int i = 0; i < used.length; i++) {
                used[i] = cpu.get(i).usedNanos().getAsLong() - used[i];
            }
            return new Window(used, before, metrics.get(), waited);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Duration run() {
        return settings.warmUp().plus(settings.measure());
    }

    private Figures window(List<Turn> turns) {
        long from = settings.warmUp().toNanos();
        return Figures.of(
                turns, from, from + settings.measure().toNanos(), settings.slo().toNanos());
    }

    /** Enough sessions that every turn admitted at {@code rate} can hold one until its deadline has passed. */
    private int poolSize(double rate) {
        return (int) Math.ceil(rate * (settings.deadline().toSeconds() + 6));
    }

    private SessionPool pool(ChatApi api) {
        return new SessionPool(http, api.baseUrl(), recruiterKey, candidateId, System::nanoTime);
    }

    private Load load(ChatApi api, SessionPool sessions) {
        return new Load(posts, api.baseUrl(), recruiterKey, sessions, question, settings.deadline(), System::nanoTime);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The dam's slots in use once every turn has ended; its end events may still be on their way for a moment. */
    private double slotsAfter(ChatApi api) throws Exception {
        double inFlight = inFlight(api);
        for (int i = 0; i < 50 && inFlight > 0; i++) {
            Thread.sleep(100);
            inFlight = inFlight(api);
        }
        return inFlight;
    }

    /**
     * Ten requests a second that no gate sees (the caller's own identity: the key checked, nothing asked of
     * Redis, Kafka or the database), after {@code warmUp}: how long any request waits on this machine now.
     */
    private final class Floor {

        private final List<Long> nanos = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Floor(ChatApi api, Duration warmUp) {
            HttpRequest me = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/me"))
                    .header("Authorization", "Bearer " + recruiterKey)
                    .timeout(Duration.ofSeconds(10))
                    .build();
            thread = Thread.ofVirtual().start(() -> {
                sleep(warmUp);
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        posts.send(me, HttpResponse.BodyHandlers.discarding());
                        nanos.add(System.nanoTime() - start);
                        Thread.sleep(100);
                    } catch (IOException e) {
                        // not a figure: the level's own turns say what failed
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        /** Stops probing; the p99 in ms (NaN without a probe). */
        double stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return Figures.quantile(nanos.stream().mapToLong(Long::longValue).toArray(), 0.99) / 1e6;
        }
    }

    /** The chat-api's metrics, scraped once at the end of a level's warm-up and once at the end of its run. */
    private String prometheus(ChatApi api) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(api.managementUrl() + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The dam's in-flight gauge alone: sampled twice a second, a whole Prometheus scrape (every meter of the
     * instance, written as text) would be a load of the harness's own on the system it measures.
     */
    private double inFlight(ChatApi api) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(api.managementUrl() + "/actuator/metrics/protostar.dam.in.flight"))
                        .header("Authorization", "Bearer " + api.opsKey())
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher value = METRIC_VALUE.matcher(response.body());
        if (response.statusCode() != 200 || !value.find()) {
            throw new IOException("No in-flight gauge: " + response.statusCode() + " " + response.body());
        }
        return Double.parseDouble(value.group(1));
    }
}
