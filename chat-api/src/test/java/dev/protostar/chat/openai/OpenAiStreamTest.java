package dev.protostar.chat.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.kafka.message.ChatEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class OpenAiStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChatEvent.Done DONE =
            new ChatEvent.Done("r1", 3, false, false, new ChatEvent.Usage(120, 7, 0), new ChatEvent.Timings(5, 9));

    /** The data lines a client reads, in order. */
    private static final class Recorded extends SseEmitter {
        final List<String> data = new ArrayList<>();

        @Override
        public void send(SseEventBuilder builder) {
            builder.build().stream()
                    .map(part -> part.getData().toString())
                    .filter(text -> !text.startsWith("data:") && !text.isBlank() && !text.startsWith(":"))
                    .forEach(data::add);
        }
    }

    private static List<String> stream(boolean includeUsage) throws IOException {
        Recorded emitter = new Recorded();
        OpenAiStream stream =
                new OpenAiStream("r1", new OpenAiChunks("r1", "protostar/x"), emitter, JSON, includeUsage, () -> {});
        stream.send(1, new ChatEvent.Delta("r1", 1, "Kafka"), "");
        stream.send(2, new ChatEvent.Delta("r1", 2, " and Go"), "");
        stream.send(3, DONE, "");
        return emitter.data;
    }

    @Test
    void the_first_chunk_says_who_speaks_and_the_stream_ends_with_done() throws IOException {
        List<String> data = stream(false);
        assertThat(JSON.readTree(data.getFirst()).at("/choices/0/delta/role").asText())
                .isEqualTo("assistant");
        assertThat(JSON.readTree(data.get(1)).at("/choices/0/delta/content").asText())
                .isEqualTo("Kafka");
        assertThat(data.getLast()).isEqualTo("[DONE]");
        assertThat(data).as("no usage unless asked for").noneMatch(line -> line.contains("usage"));
        assertThat(data.stream().filter(line -> line.contains("\"role\""))).hasSize(1);
    }

    @Test
    void usage_comes_last_with_no_choice_when_the_client_asks_for_it() throws IOException {
        List<String> data = stream(true);
        JsonNode usage = JSON.readTree(data.get(data.size() - 2));
        assertThat(usage.path("choices").size()).isZero();
        assertThat(usage.at("/usage/total_tokens").asInt()).isEqualTo(127);
        JsonNode finish = JSON.readTree(data.get(data.size() - 3));
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.has("usage")).isFalse();
    }

    @Test
    void content_is_a_string_or_text_parts_and_another_part_is_refused() throws IOException {
        assertThat(OpenAiController.text(JSON.readTree("\"where does she work?\"")))
                .isEqualTo("where does she work?");
        assertThat(OpenAiController.text(JSON.readTree(
                        "[{\"type\":\"text\",\"text\":\"where does\"},{\"type\":\"text\",\"text\":\"she work?\"}]")))
                .isEqualTo("where does\nshe work?");
        assertThatThrownBy(() -> OpenAiController.text(
                        JSON.readTree("[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}}]")))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("image_url");
    }
}
