package dev.protostar.loadtest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The product's public HTTP contract (and the worker's retrieval endpoint), as the evaluation uses it. */
final class EvalClient {

    /** What a recruiter received for one question. */
    public record Answer(
            String text,
            boolean refused,
            boolean corrected,
            List<String> citedChunkIds,
            int inputTokens,
            int outputTokens,
            int historyTokens,
            long ttftMs,
            String error) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;
    private final String management;
    private final String adminKey;
    private final String recruiterKey;
    private final String opsKey;

    EvalClient(String api, String management, String adminKey, String recruiterKey, String opsKey) {
        this.api = api;
        this.management = management;
        this.adminKey = adminKey;
        this.recruiterKey = recruiterKey;
        this.opsKey = opsKey;
    }

    String createCandidate(String name) throws IOException, InterruptedException {
        return post("/api/v1/candidates", adminKey, Map.of("name", name))
                .get("candidateId")
                .asText();
    }

    String createSession(String candidateId) throws IOException, InterruptedException {
        return post("/api/v1/chat/sessions", recruiterKey, Map.of("candidateId", candidateId))
                .get("sessionId")
                .asText();
    }

    /** Uploads a file and follows its ingestion to the end; returns the final event. */
    JsonNode ingest(String candidateId, String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "protostar-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(api + "/api/v1/candidates/" + candidateId + "/documents"))
                        .header("Authorization", "Bearer " + adminKey)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode accepted = expect(response, 202);
        String ingestionId = accepted.get("ingestionId").asText();
        try (Events stream = events("/api/v1/ingestions/" + ingestionId + "/events", adminKey)) {
            for (Event event : stream) {
                JsonNode data = Fixtures.JSON.readTree(event.data());
                String stage = data.path("stage").asText();
                if ("stored".equals(stage) || "failed".equals(stage)) {
                    return data;
                }
            }
        }
        throw new IOException("Ingestion " + ingestionId + " of " + fileName + " ended without a final event");
    }

    /** Asks in a session and reads the answer to its end. */
    Answer ask(String sessionId, String question) throws IOException, InterruptedException {
        try (Events stream = events("/api/v1/chat/sessions/" + sessionId + "/events", recruiterKey)) {
            return read(stream, sessionId, question);
        }
    }

    private Answer read(Events stream, String sessionId, String question) throws IOException, InterruptedException {
        String requestId = post(
                        "/api/v1/chat/sessions/" + sessionId + "/messages", recruiterKey, Map.of("text", question))
                .get("requestId")
                .asText();
        StringBuilder text = new StringBuilder();
        List<String> cited = new ArrayList<>();
        for (Event event : stream) {
            JsonNode data = Fixtures.JSON.readTree(event.data());
            if (!requestId.equals(data.path("requestId").asText())) {
                continue;
            }
            switch (event.name()) {
                case "reset" -> text.setLength(0);
                case "delta" -> text.append(data.get("text").asText());
                case "citations" ->
                    data.get("citations")
                            .forEach(c -> cited.add(c.get("chunkId").asText()));
                case "done" -> {
                    return new Answer(
                            text.toString(),
                            data.get("refused").asBoolean(),
                            data.path("corrected").asBoolean(),
                            cited,
                            data.at("/usage/inputTokens").asInt(),
                            data.at("/usage/outputTokens").asInt(),
                            data.at("/usage/historyTokens").asInt(),
                            data.at("/timings/ttftMs").asLong(),
                            null);
                }
                case "error" -> {
                    return new Answer(
                            text.toString(),
                            false,
                            false,
                            cited,
                            0,
                            0,
                            0,
                            0,
                            data.get("message").asText());
                }
                default -> {}
            }
        }
        throw new IOException("The answer stream ended before 'done'");
    }

    /** The texts (section + text) of the chunks retrieval returns for a question. */
    List<String> retrieve(String candidateId, String question, String mode, int k)
            throws IOException, InterruptedException {
        String url = management + "/actuator/retrieval?candidateId=" + candidateId + "&mode=" + mode + "&k=" + k + "&q="
                + URLEncoder.encode(question, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + opsKey)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> texts = new ArrayList<>();
        expect(response, 200)
                .get("hits")
                .forEach(h -> texts.add(
                        h.get("section").asText() + "\n" + h.get("text").asText()));
        return texts;
    }

    private JsonNode post(String path, String key, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(api + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Fixtures.JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return expect(response, response.request().uri().getPath().endsWith("/messages") ? 202 : 201);
    }

    private static JsonNode expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().method() + " "
                    + response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return Fixtures.JSON.readTree(response.body());
    }

    record Event(String name, String data) {}

    /** Server-sent events, read lazily; closing ends the connection. */
    private record Events(Stream<String> body, Iterable<Event> events) implements Iterable<Event>, AutoCloseable {
        @Override
        public Iterator<Event> iterator() {
            return events.iterator();
        }

        @Override
        public void close() {
            body.close();
        }
    }

    private Events events(String path, String key) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(
                HttpRequest.newBuilder(URI.create(api + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Accept", "text/event-stream")
                        .timeout(Duration.ofMinutes(2))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        Iterator<String> lines = response.body().iterator();
        return new Events(response.body(), () -> new Iterator<>() {
            private Event next;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                String name = "message";
                StringBuilder data = new StringBuilder();
                while (lines.hasNext()) {
                    String line = lines.next();
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            next = new Event(name, data.toString());
                            return true;
                        }
                        name = "message";
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(data.isEmpty() ? "" : "\n")
                                .append(line.substring(5).stripLeading());
                    }
                }
                return false;
            }

            @Override
            public Event next() {
                hasNext();
                Event event = next;
                next = null;
                return event;
            }
        });
    }
}
