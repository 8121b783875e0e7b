package dev.protostar.loadtest.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The HTTP contract as a client sees it, for the system tests. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    HttpClient http() {
        return http;
    }

    Reply post(String path, String key, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Reply post(String path, String key, Object body) throws IOException, InterruptedException {
        return post(path, key, body, Map.of());
    }

    Reply get(String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A multipart/form-data POST with one file part, as a browser's form sends it (UTF-8 file name). */
    Reply upload(String path, String key, String field, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "protostar-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return reply(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    Reply delete(String path, String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .DELETE()
                .build();
        return reply(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    SseClient ingestionEvents(String key, String ingestionId, String lastEventId)
            throws IOException, InterruptedException {
        return new SseClient(http, baseUrl + "/api/v1/ingestions/" + ingestionId + "/events", key, lastEventId);
    }

    String createCandidate(String adminKey, String name) throws IOException, InterruptedException {
        return expect(post("/api/v1/candidates", adminKey, Map.of("name", name)), 201)
                .get("candidateId")
                .asText();
    }

    String createSession(String key, String candidateId) throws IOException, InterruptedException {
        return expect(post("/api/v1/chat/sessions", key, Map.of("candidateId", candidateId)), 201)
                .get("sessionId")
                .asText();
    }

    String send(String key, String sessionId, String text) throws IOException, InterruptedException {
        return expect(post("/api/v1/chat/sessions/" + sessionId + "/messages", key, Map.of("text", text)), 202)
                .get("requestId")
                .asText();
    }

    SseClient events(String key, String sessionId, String lastEventId) throws IOException, InterruptedException {
        return new SseClient(http, baseUrl + "/api/v1/chat/sessions/" + sessionId + "/events", key, lastEventId);
    }

    private static JsonNode expect(Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + reply.status() + ": "
                    + reply.raw().body());
        }
        return reply.body();
    }

    private static Reply reply(HttpResponse<String> response) throws IOException {
        String body = response.body();
        JsonNode json = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        return new Reply(response.statusCode(), json, response);
    }
}
