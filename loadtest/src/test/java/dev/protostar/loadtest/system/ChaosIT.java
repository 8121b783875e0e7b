package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.loadtest.sim.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The fault suite: real processes — two chat-api instances, two workers and a standby, two ingestion instances,
 * the broker, PostgreSQL, Redis, S3, the simulator as the model — under a steady load of turns (event streams
 * open) and uploads, with one fault at a time: SIGKILL of a worker mid-stream ({@code -Dprotostar.chaos.kills},
 * 1 in the build), SIGKILL of a chat-api instance, the broker restarted, Redis, PostgreSQL and the S3 server frozen for
 * {@code -Dprotostar.chaos.pause} seconds (10), a standby promoted and a worker added under load. For each fault
 * it prints (and with {@code -Dprotostar.chaos.report=FILE} saves) what became of every turn admitted during it;
 * none may hang past its deadline plus the grace, be lost, or end twice, and the first good turn after the fault
 * clears must come within 10 s. {@code ./protostar chaos [--kills=100]} runs it on its own.
 */
class ChaosIT {

    private static final int KILLS = Integer.getInteger("protostar.chaos.kills", 1);
    private static final Duration PAUSE = Duration.ofSeconds(Integer.getInteger("protostar.chaos.pause", 10));
    /** Each turn's Request-Timeout: long enough for a turn re-answered after a worker's death. */
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    /** How long after its deadline a turn may still end before it counts as hung. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private static final Duration RECOVERY = Duration.ofSeconds(10);
    private static final String REPLY =
            "An answer of some twenty words, streamed slowly enough that a fault can land in"
                    + " the middle of it while its client listens.";

    /** Seven applications share one PostgreSQL (100 connections): five each is plenty for this load. */
    private static final Map<String, String> POOL = Map.of("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "5");

    private final List<ChaosReport.Window> windows = new CopyOnWriteArrayList<>();

    @Test
    void every_admitted_turn_ends_once_whatever_fails() throws Exception {
        try (Stack stack = Stack.start(SimulatorConfig.defaults()
                .withPort(0)
                .withTtftMs(300)
                .withTokensPerSecond(12)
                .withMaxStreams(1000)
                .withReply(REPLY))) {
            List<ApiClient> apis = new CopyOnWriteArrayList<>(
                    List.of(stack.chatApi("chaos-chat-api-a", POOL), stack.chatApi("chaos-chat-api-b", POOL)));
            List<AppProcess> workers = new ArrayList<>(List.of(
                    stack.worker("chaos-worker-1", "active", POOL), stack.worker("chaos-worker-2", "active", POOL)));
            AppProcess standby = stack.worker("chaos-standby", "standby", POOL);
            stack.ingestion("chaos-ingestion-a", POOL);
            stack.ingestion("chaos-ingestion-b", POOL);
            String candidateId = stack.candidateWithResume(apis.getFirst());

            try (ChaosLoad load = new ChaosLoad(stack, apis, candidateId, 16, 2.0, DEADLINE)) {
                window(load, "steady (no fault)", Duration.ZERO, () -> {}, () -> {});
                for (int kill = 1; kill <= KILLS; kill++) {
                    int n = kill;
                    window(
                            load,
                            "worker SIGKILL mid-stream #" + n,
                            Duration.ZERO,
                            () -> {
                                AppProcess doomed = busiest(workers);
                                workers.remove(doomed);
                                doomed.kill();
                            },
                            () -> workers.add(stack.worker("chaos-worker-r" + n, "active", POOL)));
                }
                window(
                        load,
                        "chat-api SIGKILL",
                        Duration.ZERO,
                        () -> stack.app("chaos-chat-api-b").kill(),
                        () -> {
                            apis.set(1, stack.chatApi("chaos-chat-api-b2", POOL));
                        });
                window(load, "Kafka broker restarted", Duration.ZERO, stack.kafka::stop, stack.kafka::startAgain);
                Pause redis = Pause.redis();
                window(load, "Redis frozen " + PAUSE.toSeconds() + " s", PAUSE, redis::freeze, redis::thaw);
                Pause postgres = Pause.postgres();
                window(load, "PostgreSQL frozen " + PAUSE.toSeconds() + " s", PAUSE, postgres::freeze, postgres::thaw);
                Pause s3 = Pause.s3();
                window(load, "S3 server frozen " + PAUSE.toSeconds() + " s", PAUSE, s3::freeze, s3::thaw);
                window(load, "standby promoted", Duration.ZERO, () -> promote(standby), () -> {});
                window(
                        load,
                        "a worker added (scale-out)",
                        Duration.ZERO,
                        () -> workers.add(stack.worker("chaos-worker-extra", "active", POOL)),
                        () -> {});
                load.stopSending();
                awaitEnds(load);
                awaitUploads(load, stack);
                ChaosReport report = new ChaosReport(windows, load, stack, DEADLINE.plus(GRACE), RECOVERY);
                String text = report.markdown(KILLS);
                System.out.println(text);
                String file = System.getProperty("protostar.chaos.report");
                if (file != null && !file.isBlank()) {
                    Files.writeString(Path.of(file), text);
                }
                assertThat(report.failures()).isEmpty();
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** 3 s of load, the fault for {@code hold}, cleared, 10 s more: the window's turns are those admitted in it. */
    private void window(ChaosLoad load, String name, Duration hold, Step inject, Step clear) throws Exception {
        long begin = System.nanoTime();
        Thread.sleep(3000);
        inject.run();
        Thread.sleep(hold.toMillis());
        clear.run();
        long cleared = System.nanoTime();
        Thread.sleep(10_000);
        windows.add(new ChaosReport.Window(name, begin, cleared, System.nanoTime()));
    }

    private static AppProcess busiest(List<AppProcess> workers) throws Exception {
        AppProcess busiest = workers.getFirst();
        int most = -1;
        for (AppProcess worker : workers) {
            int inFlight = ApiClient.JSON
                    .readTree(worker.get("/actuator/worker"))
                    .get("inFlight")
                    .asInt();
            if (inFlight > most) {
                most = inFlight;
                busiest = worker;
            }
        }
        return busiest;
    }

    private static void promote(AppProcess standby) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        standby.management("/actuator/worker/promote")
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Until every admitted turn has a final event, or the last could no longer end in time. */
    private static void awaitEnds(ChaosLoad load) throws InterruptedException {
        long giveUp = System.nanoTime() + DEADLINE.plus(GRACE).toNanos();
        while (System.nanoTime() < giveUp && load.turns.values().stream().anyMatch(t -> t.finals.isEmpty())) {
            Thread.sleep(250);
        }
        Thread.sleep(2000); // a duplicate final would come now
    }

    /**
     * Until every accepted upload is stored or failed, or the announce claim (150 s) of the last one has lapsed and
     * another instance had its turn at it: a file whose claim a frozen Redis kept is announced again then, not lost.
     */
    private static void awaitUploads(ChaosLoad load, Stack stack) throws Exception {
        long last = load.uploads.stream()
                .mapToLong(ChaosLoad.Upload::acceptedAt)
                .max()
                .orElse(System.nanoTime());
        long giveUp = last + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < giveUp) {
            String open = stack.query("SELECT count(*) FROM ingestion WHERE stage NOT IN ('stored', 'failed')");
            if ("0".equals(open)) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    static String today() {
        return LocalDate.now().toString();
    }
}
