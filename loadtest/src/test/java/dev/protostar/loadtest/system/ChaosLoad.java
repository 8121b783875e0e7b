package dev.protostar.loadtest.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chaos suite's steady load: {@code sessions} conversations with their event streams open, a turn every
 * {@code 1/rate} s on a session with none running, through whichever chat-api instance the session uses (a
 * stream that breaks reconnects to the next instance with its Last-Event-ID, as a browser would), and an upload
 * every few seconds. Every admitted turn is followed to its final events; every accepted upload to its stage.
 */
final class ChaosLoad implements AutoCloseable {

    /** What became of one admitted turn. */
    static final class Turn {
        final String requestId;
        final long admittedAt = System.nanoTime();
        final List<String> finals = new CopyOnWriteArrayList<>();
        volatile long endedAt;
        volatile int resets;

        Turn(String requestId) {
            this.requestId = requestId;
        }
    }

    /** An upload chat-api accepted ({@code 202}), to be looked up in the ingestion table. */
    record Upload(String ingestionId, long acceptedAt) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ApiClient> apis;
    private final String key;
    private final String adminKey;
    private final String candidateId;
    private final Duration deadline;
    private final List<Session> sessions = new ArrayList<>();
    final Map<String, Turn> turns = new ConcurrentHashMap<>();
    final List<Upload> uploads = new CopyOnWriteArrayList<>();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger uploadsRefused = new AtomicInteger();
    private volatile boolean running = true;
    private final Thread sender;
    private final Thread uploader;

    ChaosLoad(Stack stack, List<ApiClient> apis, String candidateId, int sessionCount, double rate, Duration deadline)
            throws Exception {
        this.apis = apis;
        this.key = stack.recruiterKey;
        this.adminKey = stack.adminKey;
        this.candidateId = candidateId;
        this.deadline = deadline;
        for (int i = 0; i < sessionCount; i++) {
            Session session = new Session(apis.get(0).createSession(key, candidateId), i % apis.size());
            sessions.add(session);
            session.listen();
        }
        long every = (long) (1_000_000_000L / rate);
        sender = Thread.ofVirtual().start(() -> paced(every, this::sendOne));
        uploader = Thread.ofVirtual().start(() -> paced(3_000_000_000L, this::uploadOne));
    }

    private void paced(long everyNanos, Runnable action) {
        long next = System.nanoTime();
        while (running) {
            next += everyNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    return;
                }
            }
            Thread.ofVirtual().start(action);
        }
    }

    private void sendOne() {
        List<Session> idle =
                sessions.stream().filter(s -> s.busy == null && s.connected).toList();
        if (idle.isEmpty()) {
            return;
        }
        Session session = idle.get(ThreadLocalRandom.current().nextInt(idle.size()));
        session.busy = "sending";
        try {
            ApiClient api = apis.get(session.api);
            ApiClient.Reply reply = api.post(
                    "/api/v1/chat/sessions/" + session.id + "/messages",
                    key,
                    Map.of("text", Stack.QUESTION),
                    Map.of("Request-Timeout", String.valueOf(deadline.toSeconds())));
            if (reply.status() == 202) {
                String requestId = reply.body().get("requestId").asText();
                turns.putIfAbsent(requestId, new Turn(requestId));
                session.busy = requestId;
                Turn turn = turns.get(requestId);
                if (!turn.finals.isEmpty()) {
                    session.busy = null; // it ended before this thread got here
                }
                return;
            }
            refused.incrementAndGet();
        } catch (IOException | InterruptedException | RuntimeException e) {
            refused.incrementAndGet();
            session.api = (session.api + 1) % apis.size();
        }
        session.busy = null;
    }

    private void uploadOne() {
        byte[] resume = ("# Chaos " + System.nanoTime() + "\n\nBuilt a payments ledger at Hanbit Pay.\n")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < apis.size(); i++) {
            try {
                ApiClient.Reply reply = apis.get(i)
                        .upload(
                                "/api/v1/candidates/" + candidateId + "/documents",
                                adminKey,
                                "file",
                                "chaos-" + System.nanoTime() + ".md",
                                resume);
                if (reply.status() == 202) {
                    uploads.add(new Upload(reply.body().get("ingestionId").asText(), System.nanoTime()));
                } else {
                    uploadsRefused.incrementAndGet();
                }
                return;
            } catch (IOException | InterruptedException | RuntimeException e) {
                // that instance is down: the next one
            }
        }
        uploadsRefused.incrementAndGet();
    }

    /** Stops sending; the streams stay open to see the turns already admitted end. */
    void stopSending() throws InterruptedException {
        running = false;
        sender.interrupt();
        uploader.interrupt();
        sender.join();
        uploader.join();
    }

    @Override
    public void close() {
        running = false;
        sessions.forEach(Session::close);
    }

    private final class Session {
        final String id;
        volatile int api;
        volatile String busy;
        volatile boolean connected;
        volatile String lastEventId;
        volatile InputStream body;
        private Thread listener;

        Session(String id, int api) {
            this.id = id;
            this.api = api;
        }

        void listen() throws InterruptedException {
            listener = Thread.ofVirtual().start(() -> {
                while (running || busy != null) {
                    try {
                        read();
                    } catch (IOException | RuntimeException e) {
                        // the instance died or dropped us: the next one, from where we were
                    } catch (InterruptedException e) {
                        return;
                    }
                    connected = false;
                    api = (api + 1) % apis.size();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long giveUp = System.nanoTime() + 10_000_000_000L;
            while (!connected && System.nanoTime() < giveUp) {
                Thread.sleep(20);
            }
        }

        private void read() throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(apis.get(api).baseUrl() + "/api/v1/chat/sessions/" + id + "/events"))
                    .header("Authorization", "Bearer " + key)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("events answered " + response.statusCode());
            }
            body = response.body();
            connected = true;
            SseClient.readEvents(body, event -> {
                event(event.name(), event.data());
                if (event.id() != null) {
                    lastEventId = event.id();
                }
            });
        }

        private void event(String name, String data) {
            if (!name.equals("done") && !name.equals("error") && !name.equals("reset")) {
                return;
            }
            JsonNode json;
            try {
                json = ApiClient.JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String requestId = json.path("requestId").asText();
            Turn turn = turns.computeIfAbsent(requestId, Turn::new);
            if (name.equals("reset")) {
                turn.resets++;
                return;
            }
            turn.finals.add(name.equals("error") ? "error:" + json.path("code").asText() : "done");
            turn.endedAt = System.nanoTime();
            if (requestId.equals(busy)) {
                busy = null;
            }
        }

        void close() {
            if (listener != null) {
                listener.interrupt();
            }
            try {
                if (body != null) {
                    body.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
