package dev.protostar.loadtest.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A session's SSE stream, read by a virtual thread into a queue so a caller can wait with a timeout. */
final class EventStream implements AutoCloseable {

    /** One SSE event: its name ({@code started}, {@code delta}, …) and its data (JSON). */
    record Event(String name, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;

    private EventStream(InputStream body) {
        this.body = body;
        this.reader = Thread.ofVirtual().name("replay-sse").start(this::read);
    }

    static EventStream open(HttpClient http, String url, String apiKey) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream error = response.body()) {
                throw new IOException("the event stream answered " + response.statusCode() + ": "
                        + new String(error.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return new EventStream(response.body());
    }

    /** The next event, or empty when none came within {@code timeout}. */
    Optional<Event> next(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException e) {
            // closed by us or by the server: a waiting caller times out
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
        reader.interrupt();
    }
}
