package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protostar.loadtest.sim.SimulatorConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;

/**
 * A worker killed mid-answer (SIGKILL) loses no turn: its turns are answered again by another worker,
 * after a {@code reset}, and every client ends with exactly one complete answer. A standby worker is
 * never in the consumer group until it is promoted.
 */
class WorkerFailoverIT {

    private static final int SESSIONS = 24;
    private static final String REPLY =
            "A slow answer of exactly twenty words, so that a worker can die in the middle of it "
                    + "while clients still listen.";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void a_killed_worker_loses_no_turn_and_a_standby_consumes_nothing_until_promoted() throws Exception {
        try (Stack stack = Stack.start(SimulatorConfig.defaults()
                        .withPort(0)
                        .withTtftMs(200)
                        .withTokensPerSecond(5)
                        .withMaxStreams(1000)
                        .withReply(REPLY));
                Admin admin = Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers()))) {
            ApiClient api = stack.chatApi("failover-chat-api");
            stack.ingestion("failover-ingestion");
            AppProcess doomed = stack.worker("worker-doomed", "active", Map.of());
            stack.worker("worker-survivor", "active", Map.of());
            AppProcess standby = stack.worker("worker-standby", "standby", Map.of());

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> members(admin).equals(Set.of("worker-doomed", "worker-survivor")));

            List<String> sessions = stack.sessions(api, SESSIONS);
            List<Transcript> transcripts;
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                var turns = stack.askAll(clients, api, sessions, Stack.QUESTION, Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(30)).until(() -> inFlight(doomed) > 0);
                Thread.sleep(1500); // let its answers get well under way: the point is dying mid-stream
                doomed.kill();
                transcripts = Stack.all(turns);
            }

            assertThat(transcripts).allSatisfy(t -> {
                assertThat(t.names.getLast()).isEqualTo("done");
                assertThat(t.text.toString()).isEqualTo(REPLY);
            });
            assertThat(transcripts.stream().mapToInt(t -> t.resets).sum())
                    .as("turns of the killed worker restarted with a reset")
                    .isPositive();
            assertThat(members(admin)).containsExactly("worker-survivor");
            assertThat(inFlight(standby)).isZero();

            post(standby, "/actuator/worker/promote");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> members(admin).equals(Set.of("worker-survivor", "worker-standby")));
        }
    }

    private static Set<String> members(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of("answer-chat")).all().get().get("answer-chat").members().stream()
                .map(MemberDescription::clientId)
                .collect(Collectors.toSet());
    }

    private static int inFlight(AppProcess worker) throws Exception {
        HttpResponse<String> response =
                HTTP.send(worker.management("/actuator/worker").build(), HttpResponse.BodyHandlers.ofString());
        return ApiClient.JSON.readTree(response.body()).get("inFlight").asInt();
    }

    private static void post(AppProcess app, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                app.management(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
