package dev.protostar.loadtest.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.protostar.kafka.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The users' HTTP contract as the replay needs it: sessions, messages, and a session's event stream. */
public final class IntakeClient {

    /** The answer to a POST of a turn: 202 with a requestId, or a rejection with its status and body. */
    record Reply(int status, String requestId, Optional<String> retryAfter, String body) {

        boolean accepted() {
            return status == 202 && requestId != null;
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    public IntakeClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
    }

    /** A new session with {@code candidateId}; throws naming the status when the API refuses. */
    String createSession(String candidateId) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/v1/chat/sessions", Map.of("candidateId", candidateId), Map.of());
        if (response.statusCode() != 201) {
            throw new IOException("creating a session answered " + response.statusCode() + ": " + response.body());
        }
        return Json.MAPPER.readTree(response.body()).path("sessionId").asText();
    }

    Reply send(String sessionId, String text, Map<String, String> headers) throws IOException, InterruptedException {
        HttpResponse<String> response =
                post("/api/v1/chat/sessions/" + sessionId + "/messages", Map.of("text", text), headers);
        String requestId = null;
        if (response.statusCode() == 202) {
            JsonNode body = Json.MAPPER.readTree(response.body());
            requestId = body.hasNonNull("requestId") ? body.get("requestId").asText() : null;
        }
        return new Reply(
                response.statusCode(), requestId, response.headers().firstValue("Retry-After"), response.body());
    }

    EventStream events(String sessionId) throws IOException, InterruptedException {
        return EventStream.open(http, baseUrl + "/api/v1/chat/sessions/" + sessionId + "/events", apiKey);
    }

    private HttpResponse<String> post(String path, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.writeString(body)));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
