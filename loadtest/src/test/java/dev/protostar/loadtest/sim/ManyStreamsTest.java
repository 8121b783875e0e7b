package dev.protostar.loadtest.sim;

import static dev.protostar.loadtest.sim.SimClient.chatBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The reason for virtual threads: a load test needs the provider to hold many slow streams at once. */
class ManyStreamsTest {

    private static final int STREAMS = 1000;
    private static final String REPLY = "one two three four five";

    @Test
    void carries_a_thousand_concurrent_slow_streams() throws Exception {
        // Each stream waits 6 s for its first token: ample time for all of them to be open at once.
        SimulatorConfig slow = SimulatorConfig.defaults()
                .withPort(0)
                .withTtftMs(6000)
                .withTokensPerSecond(10)
                .withMaxStreams(STREAMS)
                .withReply(REPLY);
        try (LlmSimulator sim = LlmSimulator.start(slow);
                SimClient client = new SimClient(sim)) {
            List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, STREAMS)
                    .mapToObj(i -> client.chatAsync(chatBody(true, false)))
                    .toList();

            await().atMost(Duration.ofSeconds(60)).until(() -> sim.stats().maxConcurrentStreams() == STREAMS);
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(SimClient.content(SimClient.chunks(response.body()))).isEqualTo(REPLY);
            }

            SimulatorStats stats = sim.stats();
            assertThat(stats.completed()).isEqualTo(STREAMS);
            assertThat(stats.rejected429()).isZero();
            assertThat(stats.cancelledByClient()).isZero();
        }
    }
}
