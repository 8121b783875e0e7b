package dev.protostar.worker.generate;

import static dev.langchain4j.http.client.sse.ServerSentEventListenerUtils.ignoringExceptions;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * langchain4j's JDK HTTP client, except that every model stream is read on a virtual thread of its own.
 * The JDK client reads a stream's body in a stage chained to {@code sendAsync}, which the JDK runs on the
 * common ForkJoinPool — whatever executor the client was given — and that read blocks its thread for the
 * whole answer. The common pool is sized to the cores, so on two cores a start of a few hundred streams at
 * once left streams unread until they timed out (seen as {@code llm_stalled} and a breaker opening in the
 * benchmark's first minute at 1,000 sessions). A blocked virtual thread costs a few hundred bytes.
 * A one-shot call (none from the answer model, which only streams) goes to the JDK client unchanged.
 */
final class VirtualThreadStreams implements HttpClient {

    private final java.net.http.HttpClient http;
    private final HttpClient oneShot;
    private final Duration readTimeout;

    private VirtualThreadStreams(Builder builder) {
        java.net.http.HttpClient.Builder http = java.net.http.HttpClient.newBuilder();
        if (builder.connectTimeout != null) {
            http.connectTimeout(builder.connectTimeout);
        }
        this.http = http.build();
        this.oneShot = new JdkHttpClientBuilder()
                .connectTimeout(builder.connectTimeout)
                .readTimeout(builder.readTimeout)
                .build();
        this.readTimeout = builder.readTimeout;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        return oneShot.execute(request);
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        java.net.http.HttpRequest jdkRequest = jdk(request);
        Thread.ofVirtual().name("model-stream").start(() -> stream(jdkRequest, parser, listener));
    }

    private void stream(
            java.net.http.HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            ignoringExceptions(() -> listener.onError(new TimeoutException(e)));
            return;
        } catch (IOException e) {
            ignoringExceptions(() -> listener.onError(e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ignoringExceptions(() -> listener.onError(e));
            return;
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status < 200 || status >= 300) {
                HttpException error =
                        new HttpException(status, new String(body.readAllBytes(), StandardCharsets.UTF_8));
                ignoringExceptions(() -> listener.onError(error));
                return;
            }
            SuccessfulHttpResponse opened = SuccessfulHttpResponse.builder()
                    .statusCode(status)
                    .headers(response.headers().map())
                    .build();
            ignoringExceptions(() -> listener.onOpen(opened));
            parser.parse(body, listener);
            ignoringExceptions(listener::onClose);
        } catch (IOException e) {
            ignoringExceptions(() -> listener.onError(e));
        }
    }

    private java.net.http.HttpRequest jdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> values.forEach(value -> jdk.header(name, value)));
        jdk.method(
                request.method().name(),
                request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            jdk.timeout(readTimeout);
        }
        return jdk.build();
    }

    /** What langchain4j's model builders configure: the two timeouts. */
    static final class Builder implements HttpClientBuilder {

        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new VirtualThreadStreams(this);
        }
    }
}
