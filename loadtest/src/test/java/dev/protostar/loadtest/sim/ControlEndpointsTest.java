package dev.protostar.loadtest.sim;

import static dev.protostar.loadtest.sim.SimClient.chatBody;
import static dev.protostar.loadtest.sim.SimClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /sim/*} and {@code /v1/models}: steering and watching the simulator from another process. */
class ControlEndpointsTest {

    private static final SimulatorConfig FAST = SimulatorConfig.defaults()
            .withPort(0)
            .withTtftMs(10)
            .withTokensPerSecond(1000)
            .withReply("Fine.");

    private LlmSimulator sim;
    private SimClient client;

    @BeforeEach
    void start() throws Exception {
        sim = LlmSimulator.start(FAST);
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
        client.close();
    }

    @Test
    void post_sim_config_changes_only_the_fields_given_for_the_next_requests() throws Exception {
        HttpResponse<String> changed = client.post("/sim/config", "{\"errorRate\":1.0,\"retryAfterSeconds\":9}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed.body()).get("errorRate").asDouble()).isEqualTo(1.0);
        assertThat(sim.config())
                .isEqualTo(FAST.withPort(sim.port()).withErrorRate(1.0).withRetryAfterSeconds(9));
        assertThat(client.chat(chatBody(true, false)).statusCode()).isEqualTo(500);

        client.post("/sim/config", "{\"errorRate\":0}");
        assertThat(client.chat(chatBody(true, false)).statusCode()).isEqualTo(200);
        assertThat(json(client.get("/sim/config").body()).get("reply").asText()).isEqualTo("Fine.");
    }

    @Test
    void rejects_invalid_or_unknown_config_fields_and_keeps_the_config() throws Exception {
        SimulatorConfig before = sim.config();

        assertThat(client.post("/sim/config", "{\"errorRate\":2}").statusCode()).isEqualTo(400);
        assertThat(client.post("/sim/config", "{\"ttft\":5}").statusCode()).isEqualTo(400);
        assertThat(client.post("/sim/config", "{\"ttftMs\":\"soon\"}").statusCode())
                .isEqualTo(400);
        assertThat(client.post("/sim/config", "not json").statusCode()).isEqualTo(400);
        assertThat(sim.config()).isEqualTo(before);
    }

    @Test
    void reconfigure_keeps_the_port_it_listens_on() {
        int port = sim.port();

        sim.reconfigure(FAST.withPort(1234).withTtftMs(99));

        assertThat(sim.config().port()).isEqualTo(port);
        assertThat(sim.config().ttftMs()).isEqualTo(99);
    }

    @Test
    void reports_stats_and_resets_them_over_http() throws Exception {
        client.chat(chatBody(true, false));
        client.chat(chatBody(false, false));
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.stats().completed() == 2);

        JsonNode stats = json(client.get("/sim/stats").body());
        assertThat(stats.get("requests").asLong()).isEqualTo(2);
        assertThat(stats.get("completed").asLong()).isEqualTo(2);
        assertThat(stats.get("activeStreams").asLong()).isZero();
        assertThat(stats.get("maxConcurrentStreams").asLong()).isGreaterThanOrEqualTo(1);

        HttpResponse<String> reset = client.post("/sim/reset", "");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(sim.stats()).isEqualTo(new SimulatorStats(0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void keeps_the_last_requests_it_received_so_a_test_can_read_the_prompt() throws Exception {
        client.chat(chatBody(false, false));
        for (int i = 0; i < ReceivedRequests.KEPT; i++) {
            client.chat(chatBody(false, false).replace("Where did she work?", "Question " + i + "?"));
        }
        client.chat("not json");

        JsonNode requests = json(client.get("/sim/requests").body());
        assertThat(requests).as("only the last ones, each whole").hasSize(ReceivedRequests.KEPT);
        assertThat(requests.get(0).at("/messages/1/content").asText()).isEqualTo("Question 0?");
        assertThat(requests.get(ReceivedRequests.KEPT - 1)
                        .at("/messages/0/content")
                        .asText())
                .isEqualTo("Be brief.");
        assertThat(sim.requests().getLast().at("/messages/1/content").asText())
                .isEqualTo("Question " + (ReceivedRequests.KEPT - 1) + "?");
        assertThat(client.post("/sim/requests", "").statusCode()).isEqualTo(405);
    }

    @Test
    void lists_one_model() throws Exception {
        JsonNode models = json(client.get("/v1/models").body());

        assertThat(models.get("object").asText()).isEqualTo("list");
        assertThat(models.get("data")).hasSize(1);
        assertThat(models.at("/data/0/id").asText()).isEqualTo(ChatRequest.DEFAULT_MODEL);
        assertThat(models.at("/data/0/object").asText()).isEqualTo("model");
    }

    @Test
    void answers_405_and_404_like_an_api() throws Exception {
        assertThat(client.get("/v1/chat/completions").statusCode()).isEqualTo(405);
        assertThat(client.post("/sim/stats", "").statusCode()).isEqualTo(405);
        assertThat(client.get("/sim/nothing").statusCode()).isEqualTo(404);
    }
}
