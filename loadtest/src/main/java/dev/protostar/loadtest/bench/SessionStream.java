package dev.protostar.loadtest.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A session as a browser tab holds it: its event stream open for as long as the benchmark uses the session,
 * so a turn costs the client one POST and a refused turn nothing more. A virtual thread reads the stream and
 * stamps each turn's first delta and its end on the turn's {@link TurnClock}, by request id.
 */
final class SessionStream implements AutoCloseable {

    private static final String REQUEST_ID = "\"requestId\":\"";

    final String sessionId;
    private final Map<String, TurnClock> turns = new ConcurrentHashMap<>();
    private final InputStream body;
    private final LongSupplier nanoTime;
    private volatile boolean open = true;

    private SessionStream(String sessionId, InputStream body, LongSupplier nanoTime) {
        this.sessionId = sessionId;
        this.body = body;
        this.nanoTime = nanoTime;
        Thread.ofVirtual().name("bench-sse-" + sessionId).start(this::read);
    }

    static SessionStream open(HttpClient http, String baseUrl, String apiKey, String sessionId, LongSupplier nanoTime)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/v1/chat/sessions/" + sessionId + "/events"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream error = response.body()) {
                throw new IOException("the event stream of " + sessionId + " answered " + response.statusCode() + ": "
                        + new String(error.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return new SessionStream(sessionId, response.body(), nanoTime);
    }

    /** The clock of a turn of this session; events that arrived before the caller knew its id are on it. */
    TurnClock clock(String requestId) {
        return turns.computeIfAbsent(requestId, id -> new TurnClock());
    }

    void forget(String requestId) {
        turns.remove(requestId);
    }

    boolean isOpen() {
        return open;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    onEvent(name, line.substring(5).strip());
                } else if (line.isEmpty()) {
                    name = "message";
                }
            }
        } catch (IOException e) {
            // closed by us, or the server went away: the turns waiting on this stream time out
        } finally {
            open = false;
        }
    }

    private void onEvent(String name, String data) {
        long now = nanoTime.getAsLong();
        int at = data.indexOf(REQUEST_ID);
        if (at < 0) {
            return;
        }
        int from = at + REQUEST_ID.length();
        String requestId = data.substring(from, data.indexOf('"', from));
        switch (name) {
            case "delta" -> clock(requestId).firstDelta(now);
            case "done" -> clock(requestId).end(now, "done", data);
            case "error" -> clock(requestId).end(now, "error", data);
            default -> {}
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
