package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client made of one turn: the answer text (deltas after the latest reset), the final event,
 * and every event id seen — read from an SSE stream the way a client must: a {@code reset} drops what
 * came before it.
 */
final class Transcript {

    final String requestId;
    final List<Long> ids = new ArrayList<>();
    final List<Integer> seqs = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    /** The chunks the answer cites, from its {@code citations} event. */
    final List<JsonNode> citations = new ArrayList<>();

    int resets;
    JsonNode end;

    Transcript(String requestId) {
        this.requestId = requestId;
    }

    /** Reads events of this request until its {@code done} or {@code error}, checking order on the way. */
    static Transcript read(SseClient sse, String requestId, Duration timeout) throws IOException, InterruptedException {
        Transcript transcript = new Transcript(requestId);
        while (transcript.end == null) {
            transcript.accept(sse.next(timeout));
        }
        return transcript;
    }

    /** Reads until {@code count} deltas of this request arrived (not to the end). */
    static Transcript readDeltas(SseClient sse, String requestId, int count, Duration timeout)
            throws IOException, InterruptedException {
        Transcript transcript = new Transcript(requestId);
        while (transcript.names.stream().filter("delta"::equals).count() < count) {
            transcript.accept(sse.next(timeout));
        }
        return transcript;
    }

    void accept(SseClient.Event event) throws IOException {
        JsonNode data = ApiClient.JSON.readTree(event.data());
        if (!requestId.equals(data.path("requestId").asText())) {
            return;
        }
        long id = Long.parseLong(event.id());
        if (!ids.isEmpty()) {
            assertThat(id).as("event ids only increase").isGreaterThan(ids.getLast());
        }
        ids.add(id);
        seqs.add(data.path("seq").asInt());
        names.add(event.name());
        switch (event.name()) {
            case "reset" -> {
                resets++;
                text.setLength(0);
                citations.clear();
            }
            case "delta" -> text.append(data.get("text").asText());
            case "citations" -> data.get("citations").forEach(citations::add);
            case "done", "error" -> end = data;
            default -> {}
        }
    }

    String lastId() {
        return String.valueOf(ids.getLast());
    }
}
