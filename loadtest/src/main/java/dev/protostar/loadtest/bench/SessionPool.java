package dev.protostar.loadtest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Idle sessions of one candidate, each with its event stream open. A turn takes one and gives it back when
 * its turn ended; a session whose turn never ended may still be busy on the server and is dropped. When the
 * pool runs dry a new session is made on the spot (counted: a run that needs many is sized too small).
 */
final class SessionPool implements AutoCloseable {

    private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final String candidateId;
    private final LongSupplier nanoTime;
    private final ConcurrentLinkedDeque<SessionStream> idle = new ConcurrentLinkedDeque<>();
    private final List<SessionStream> all = new ArrayList<>();
    private final AtomicInteger madeOnDemand = new AtomicInteger();

    SessionPool(HttpClient http, String baseUrl, String apiKey, String candidateId, LongSupplier nanoTime) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.candidateId = candidateId;
        this.nanoTime = nanoTime;
    }

    /** Makes idle sessions until there are at least {@code count}. */
    void fill(int count) throws IOException, InterruptedException {
        while (idle.size() < count) {
            idle.add(create());
        }
    }

    SessionStream take() {
        SessionStream session;
        while ((session = idle.pollFirst()) != null) {
            if (session.isOpen()) {
                return session;
            }
        }
        madeOnDemand.incrementAndGet();
        try {
            return create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void giveBack(SessionStream session) {
        idle.addLast(session);
    }

    /** A session whose turn may still be running on the server: never used again. */
    void drop(SessionStream session) {
        session.close();
    }

    int madeOnDemand() {
        return madeOnDemand.get();
    }

    private SessionStream create() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/chat/sessions"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"candidateId\":\"" + candidateId + "\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher id = SESSION_ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IOException("creating a session answered " + response.statusCode() + ": " + response.body());
        }
        SessionStream session = SessionStream.open(http, baseUrl, apiKey, id.group(1), nanoTime);
        synchronized (all) {
            all.add(session);
        }
        return session;
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(SessionStream::close);
            all.clear();
        }
        idle.clear();
    }
}
