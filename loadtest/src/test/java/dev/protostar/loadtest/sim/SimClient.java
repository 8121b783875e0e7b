package dev.protostar.loadtest.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** The JDK HttpClient talking to a simulator, and the SSE reading the tests share. */
final class SimClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Words in {@link #chatBody}'s messages: "Be brief." and "Where did she work?". */
    static final int PROMPT_WORDS = 6;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String root;

    SimClient(LlmSimulator sim) {
        this.root = "http://127.0.0.1:" + sim.port();
    }

    static String chatBody(boolean stream, boolean includeUsage) {
        return """
                {"model":"gpt-test","stream":%s,"stream_options":{"include_usage":%s},"max_tokens":10,
                 "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Where did she work?"}]}"""
                .formatted(stream, includeUsage);
    }

    HttpResponse<String> chat(String body) throws Exception {
        return post("/v1/chat/completions", body);
    }

    CompletableFuture<HttpResponse<String>> chatAsync(String body) {
        return http.sendAsync(request("/v1/chat/completions", body), HttpResponse.BodyHandlers.ofString());
    }

    /** Lines as they arrive, for timing what the client sees. */
    HttpResponse<Stream<String>> chatLines(String body) throws Exception {
        return http.send(request("/v1/chat/completions", body), HttpResponse.BodyHandlers.ofLines());
    }

    CompletableFuture<HttpResponse<Stream<String>>> chatLinesAsync(String body) {
        return http.sendAsync(request("/v1/chat/completions", body), HttpResponse.BodyHandlers.ofLines());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(root + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(request(path, body), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON of every {@code data:} event before {@code [DONE]}. */
    static List<JsonNode> chunks(String sse) {
        return sse.lines()
                .filter(line -> line.startsWith("data: ") && !line.equals("data: [DONE]"))
                .map(line -> json(line.substring("data: ".length())))
                .toList();
    }

    static String content(List<JsonNode> chunks) {
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : chunks) {
            text.append(chunk.at("/choices/0/delta/content").asText(""));
        }
        return text.toString();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest request(String path, String body) {
        return HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    @Override
    public void close() {
        http.close();
    }
}
