package dev.protostar.worker.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Model streams over real HTTP (a JDK server sending server-sent events), each read on its own virtual thread. */
class VirtualThreadStreamsTest {

    /** More streams at once than the common ForkJoinPool holds blocked threads on a small machine. */
    private static final int STREAMS = 300;

    private final HttpClient client = VirtualThreadStreams.builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(30))
            .build();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void holdsHundredsOfStreamsOpenAtOnceEachOnAVirtualThread() throws Exception {
        CountDownLatch allFirst = new CountDownLatch(STREAMS);
        serve(exchange -> {
            try {
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                event(out, "first");
                // the answer goes on only once every stream has read its first event: streams read one after the
                // other (a pool smaller than the streams) would never get there
                allFirst.await(20, TimeUnit.SECONDS);
                event(out, "last");
                out.close();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Recorded> streams = new CopyOnWriteArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            Recorded stream = new Recorded(allFirst);
            streams.add(stream);
            client.execute(post(), new DefaultServerSentEventParser(), stream);
        }

        assertThat(allFirst.await(20, TimeUnit.SECONDS))
                .as("every stream read its first event while all were open")
                .isTrue();
        for (Recorded stream : streams) {
            assertThat(stream.closed.get(10, TimeUnit.SECONDS)).containsExactly("first", "last");
            assertThat(stream.virtual.get()).isTrue();
        }
    }

    @Test
    void aRefusalIsAnHttpExceptionWithItsStatusAndBody() throws Exception {
        serve(exchange -> {
            try {
                byte[] body = "{\"error\":\"Please try again in 2s\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(429, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Recorded stream = new Recorded(new CountDownLatch(1));

        client.execute(post(), new DefaultServerSentEventParser(), stream);

        Throwable error = stream.error.get(10, TimeUnit.SECONDS);
        assertThat(error).isInstanceOf(HttpException.class).hasMessageContaining("try again in 2s");
        assertThat(((HttpException) error).statusCode()).isEqualTo(429);
        assertThat(stream.closed).isNotDone();
    }

    @Test
    void aProviderThatIsNotThereIsAnError() throws Exception {
        serve(HttpExchange::close);
        int port = server.getAddress().getPort();
        server.stop(0);
        server = null;
        Recorded stream = new Recorded(new CountDownLatch(1));

        client.execute(
                HttpRequest.builder()
                        .method(HttpMethod.POST)
                        .url("http://127.0.0.1:" + port + "/v1/chat/completions")
                        .body("{}")
                        .build(),
                new DefaultServerSentEventParser(),
                stream);

        assertThat(stream.error.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
    }

    private void serve(Consumer<HttpExchange> handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), STREAMS);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", handler::accept);
        server.start();
    }

    private HttpRequest post() {
        return HttpRequest.builder()
                .method(HttpMethod.POST)
                .url("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions")
                .addHeader("Content-Type", "application/json")
                .body("{\"stream\":true}")
                .build();
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** What one stream's listener saw, and on what kind of thread. */
    private static final class Recorded implements ServerSentEventListener {

        private final CountDownLatch first;
        private final List<String> events = new CopyOnWriteArrayList<>();
        private final AtomicBoolean virtual = new AtomicBoolean(true);
        private final CompletableFuture<List<String>> closed = new CompletableFuture<>();
        private final CompletableFuture<Throwable> error = new CompletableFuture<>();

        private Recorded(CountDownLatch first) {
            this.first = first;
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            virtual.compareAndSet(true, Thread.currentThread().isVirtual());
            events.add(event.data());
            if (events.size() == 1) {
                first.countDown();
            }
        }

        @Override
        public void onClose() {
            closed.complete(events);
        }

        @Override
        public void onError(Throwable throwable) {
            error.complete(throwable);
        }
    }
}
