package dev.protostar.loadtest.sim;

import static dev.protostar.loadtest.sim.SimClient.chatBody;
import static dev.protostar.loadtest.sim.SimClient.chunks;
import static dev.protostar.loadtest.sim.SimClient.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenAI wire format and pacing, over real HTTP. */
class StreamingTest {

    private static final String REPLY = "  The candidate worked at Acme,\nthen at Globex. ";
    private static final SimulatorConfig FAST = SimulatorConfig.defaults()
            .withPort(0)
            .withTtftMs(20)
            .withTokensPerSecond(1000)
            .withReply(REPLY);

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
    void streams_openai_chunks_whose_deltas_join_to_the_reply_exactly() throws Exception {
        start(FAST);

        HttpResponse<String> response = client.chat(chatBody(true, false));
        List<JsonNode> chunks = chunks(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(response.body()).matches("(?s)(data: [^\n]+\n\n)+").endsWith("data: [DONE]\n\n");
        assertThat(content(chunks)).isEqualTo(REPLY);
        assertThat(chunks).hasSize(Words.tokens(REPLY).size() + 1);
        JsonNode first = chunks.getFirst();
        assertThat(first.get("id").asText()).startsWith("chatcmpl-");
        assertThat(first.get("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(first.get("created").isIntegralNumber()).isTrue();
        assertThat(first.get("model").asText()).isEqualTo("gpt-test");
        assertThat(first.at("/choices/0/index").asInt()).isZero();
        assertThat(first.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(first.at("/choices/0/finish_reason").isNull()).isTrue();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.get("id")).isEqualTo(first.get("id"));
            assertThat(chunk.has("usage")).isFalse();
        });
        JsonNode last = chunks.getLast();
        assertThat(last.at("/choices/0/delta").isEmpty()).isTrue();
        assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(sim.stats().completed()).isEqualTo(1);
    }

    @Test
    void first_content_arrives_no_sooner_than_ttft_and_tokens_keep_the_rate() throws Exception {
        start(FAST.withTtftMs(700).withTokensPerSecond(50).withReply("one two three four five six"));
        long start = System.nanoTime();
        long firstContent = -1;
        long lastContent = -1;

        try (Stream<String> lines = client.chatLines(chatBody(true, false)).body()) {
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                if (it.next().contains("\"content\"")) {
                    lastContent = System.nanoTime() - start;
                    firstContent = firstContent < 0 ? lastContent : firstContent;
                }
            }
        }

        // Lower bounds only: the server cannot be early, but a busy machine may make it late.
        assertThat(Duration.ofNanos(firstContent)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(Duration.ofNanos(lastContent)).isGreaterThanOrEqualTo(Duration.ofMillis(700 + 5 * 20));
        assertThat(Duration.ofNanos(firstContent)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void sends_headers_at_once_without_waiting_for_the_first_token() throws Exception {
        start(FAST.withTtftMs(60_000));

        // Were the headers held back with the first token, this would wait a minute.
        HttpResponse<Stream<String>> response =
                client.chatLinesAsync(chatBody(true, false)).get(20, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    }

    @Test
    void sends_usage_in_a_last_chunk_with_empty_choices_when_asked() throws Exception {
        start(FAST);

        List<JsonNode> chunks = chunks(client.chat(chatBody(true, true)).body());

        JsonNode usageChunk = chunks.getLast();
        assertThat(usageChunk.get("choices").isArray()).isTrue();
        assertThat(usageChunk.get("choices").isEmpty()).isTrue();
        int completionTokens = Words.tokens(REPLY).size();
        assertThat(usageChunk.at("/usage/prompt_tokens").asInt()).isEqualTo(SimClient.PROMPT_WORDS);
        assertThat(usageChunk.at("/usage/completion_tokens").asInt()).isEqualTo(completionTokens);
        assertThat(usageChunk.at("/usage/total_tokens").asInt()).isEqualTo(SimClient.PROMPT_WORDS + completionTokens);
        List<JsonNode> others = chunks.subList(0, chunks.size() - 1);
        assertThat(others)
                .allSatisfy(chunk -> assertThat(chunk.get("usage").isNull()).isTrue());
        assertThat(others.getLast().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(content(others)).isEqualTo(REPLY);
    }

    @Test
    void answers_one_chat_completion_when_not_streaming() throws Exception {
        start(FAST);

        HttpResponse<String> response = client.chat(chatBody(false, false));
        JsonNode completion = SimClient.json(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(completion.get("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo(REPLY);
        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(completion.at("/usage/completion_tokens").asInt())
                .isEqualTo(Words.tokens(REPLY).size());
        // A sized body can reach the client before the server thread counts it.
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.stats().completed() == 1);
    }

    @Test
    void streams_an_empty_reply_as_one_empty_delta_with_the_role() throws Exception {
        start(FAST.withReply(""));

        List<JsonNode> chunks = chunks(client.chat(chatBody(true, true)).body());

        assertThat(chunks).hasSize(3);
        assertThat(chunks.getFirst().at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(content(chunks)).isEmpty();
        assertThat(chunks.getLast().at("/usage/completion_tokens").asInt()).isZero();
    }

    @Test
    void answers_400_to_a_body_that_is_not_a_chat_request() throws Exception {
        start(FAST);

        HttpResponse<String> response = client.chat("{\"model\":\"m\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(response.body()).at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(sim.stats().requests()).isEqualTo(1);
        assertThat(sim.stats().maxConcurrentStreams()).isZero();
    }
}
