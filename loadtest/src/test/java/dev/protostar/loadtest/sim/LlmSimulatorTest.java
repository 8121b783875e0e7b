package dev.protostar.loadtest.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LlmSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void streams_the_reply_as_openai_chunks_then_usage_then_done() throws Exception {
        try (LlmSimulator sim = LlmSimulator.start(SimulatorConfig.defaults()
                .withPort(0)
                .withTtftMs(50)
                .withTokensPerSecond(500)
                .withReply("Hello big  world. "))) {
            HttpResponse<String> response = post(sim, BODY);
            List<String> data = response.body()
                    .lines()
                    .filter(l -> l.startsWith("data: "))
                    .map(l -> l.substring(6))
                    .toList();

            StringBuilder text = new StringBuilder();
            for (String chunk : data.subList(0, data.size() - 1)) {
                text.append(JSON.readTree(chunk).at("/choices/0/delta/content").asText(""));
            }
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            assertThat(text.toString()).isEqualTo("Hello big  world. ");
            assertThat(data.getLast()).isEqualTo("[DONE]");
            JsonNode usage = JSON.readTree(data.get(data.size() - 2)).get("usage");
            assertThat(usage.get("completion_tokens").asInt()).isEqualTo(3);
            assertThat(sim.stats().completed()).isEqualTo(1);
        }
    }

    @Test
    void answers_429_with_retry_after_beyond_its_capacity() throws Exception {
        try (LlmSimulator sim = LlmSimulator.start(
                SimulatorConfig.defaults().withPort(0).withTtftMs(1500).withMaxStreams(1))) {
            CompletableFuture<HttpResponse<String>> first =
                    http.sendAsync(request(sim, BODY), HttpResponse.BodyHandlers.ofString());
            while (sim.stats().activeStreams() == 0) {
                Thread.onSpinWait();
            }
            HttpResponse<String> second = post(sim, BODY);

            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.headers().firstValue("Retry-After")).isPresent();
            assertThat(first.get().statusCode()).isEqualTo(200);
            assertThat(sim.stats().rejected429()).isEqualTo(1);
            assertThat(sim.stats().maxConcurrentStreams()).isEqualTo(1);
        }
    }

    @Test
    void injects_errors() throws Exception {
        try (LlmSimulator sim =
                LlmSimulator.start(SimulatorConfig.defaults().withPort(0).withErrorRate(1.0))) {
            assertThat(post(sim, BODY).statusCode()).isEqualTo(500);
            assertThat(sim.stats().errorsInjected()).isEqualTo(1);
        }
    }

    private HttpResponse<String> post(LlmSimulator sim, String body) throws Exception {
        return http.send(request(sim, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(LlmSimulator sim, String body) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
