package dev.protostar.loadtest.sim;

import static dev.protostar.loadtest.sim.SimClient.chatBody;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Capacity, injected errors and stalls, and clients that walk away. */
class FaultsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final SimulatorConfig FAST = SimulatorConfig.defaults()
            .withPort(0)
            .withTtftMs(20)
            .withTokensPerSecond(1000)
            .withReply("Short answer.");

    private LlmSimulator sim;
    private SimClient client;

    private void start(SimulatorConfig config) throws Exception {
        sim = LlmSimulator.start(config);
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
        client.close();
    }

    @Test
    void answers_429_with_retry_after_beyond_max_streams() throws Exception {
        // The first stream waits far longer than the test runs; closing the simulator ends it.
        start(FAST.withTtftMs(60_000).withMaxStreams(1).withRetryAfterSeconds(7));
        client.chatAsync(chatBody(true, false));
        await().atMost(PATIENCE).until(() -> sim.stats().activeStreams() == 1);

        HttpResponse<String> second = client.chat(chatBody(true, false));

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(SimClient.json(second.body()).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(sim.stats().rejected429()).isEqualTo(1);
        assertThat(sim.stats().maxConcurrentStreams()).isEqualTo(1);
        assertThat(sim.stats().requests()).isEqualTo(2);
    }

    @Test
    void injects_500_before_any_token() throws Exception {
        start(FAST.withErrorRate(1.0));

        HttpResponse<String> streamed = client.chat(chatBody(true, true));
        HttpResponse<String> whole = client.chat(chatBody(false, false));

        assertThat(streamed.statusCode()).isEqualTo(500);
        assertThat(whole.statusCode()).isEqualTo(500);
        assertThat(streamed.body()).doesNotContain("data:");
        assertThat(SimClient.json(streamed.body()).at("/error/type").asText()).isEqualTo("server_error");
        await().atMost(PATIENCE).until(() -> sim.stats().activeStreams() == 0);
        assertThat(sim.stats().errorsInjected()).isEqualTo(2);
        assertThat(sim.stats().completed()).isZero();
    }

    @Test
    void a_stall_silences_the_stream_halfway_then_it_finishes() throws Exception {
        String reply = "one two three four five six seven eight nine ten";
        start(FAST.withTtftMs(0).withTokensPerSecond(100).withStall(1.0, 800).withReply(reply));
        long start = System.nanoTime();
        long afterStall = -1;
        StringBuilder text = new StringBuilder();

        try (Stream<String> lines = client.chatLines(chatBody(true, false)).body()) {
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.contains("\"content\"")) {
                    text.append(SimClient.json(line.substring(6))
                            .at("/choices/0/delta/content")
                            .asText());
                    if (text.toString().endsWith(" six")) {
                        afterStall = System.nanoTime() - start;
                    }
                }
            }
        }

        // The sixth word is the first after the stall: due at 5 token intervals plus the stall.
        assertThat(Duration.ofNanos(afterStall)).isGreaterThanOrEqualTo(Duration.ofMillis(5 * 10 + 800));
        assertThat(text.toString()).isEqualTo(reply);
        assertThat(sim.stats().stallsInjected()).isEqualTo(1);
        assertThat(sim.stats().completed()).isEqualTo(1);
    }

    @Test
    void a_client_that_disconnects_mid_stream_is_counted_as_cancelled_and_its_stream_stops() throws Exception {
        // 400 words at 20 per second would stream for 20 s; the test needs the server to notice far sooner.
        start(FAST.withTtftMs(0).withTokensPerSecond(20).withReply("word ".repeat(400)));
        byte[] body = chatBody(true, true).getBytes(UTF_8);

        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(UTF_8));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.contains("\"content\""));
            assertThat(line).as("a first content chunk").isNotNull();
        }

        await().atMost(PATIENCE).until(() -> sim.stats().cancelledByClient() == 1);
        await().atMost(PATIENCE).until(() -> sim.stats().activeStreams() == 0);
        assertThat(sim.stats().completed()).isZero();
    }
}
