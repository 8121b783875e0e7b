package dev.protostar.loadtest.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * {@code POST /v1/chat/completions} as a provider answers it, in this order: 400 for a body that is not a
 * chat request; 429 with {@code Retry-After} when every slot is taken; an injected 500; then the answer,
 * as SSE chunks when {@code stream} is true or one JSON otherwise, paced by a {@link Schedule}.
 *
 * <p>Each request runs on its own virtual thread, so waiting is plain sleeping and a thousand slow streams
 * are a thousand parked threads, not a thousand carriers.
 */
final class CompletionsHandler implements HttpHandler {

    private final Supplier<SimulatorConfig> config;
    private final Counters counters;
    private final ReceivedRequests received;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1); decides which requests get an injected error or stall */
    CompletionsHandler(
            Supplier<SimulatorConfig> config, Counters counters, ReceivedRequests received, DoubleSupplier random) {
        this.config = config;
        this.counters = counters;
        this.received = received;
        this.random = random;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                Responses.methodNotAllowed(exchange, "POST");
                return;
            }
            long arrival = System.nanoTime();
            SimulatorConfig cfg = config.get();
            counters.requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            ChatRequest request;
            try {
                request = ChatRequest.parse(Responses.JSON, body);
            } catch (IllegalArgumentException e) {
                Responses.error(exchange, 400, e.getMessage(), "invalid_request_error", null);
                return;
            }
            received.add(body);
            if (!counters.tryAcquire(cfg.maxStreams())) {
                counters.rejected.incrementAndGet();
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(cfg.retryAfterSeconds()));
                Responses.error(
                        exchange,
                        429,
                        "Rate limit reached: at most " + cfg.maxStreams() + " concurrent requests. Please try again in "
                                + cfg.retryAfterSeconds() + "s.",
                        "requests",
                        "rate_limit_exceeded");
                return;
            }
            try {
                answer(exchange, cfg, request, arrival);
            } finally {
                counters.release();
            }
        }
    }

    private void answer(HttpExchange exchange, SimulatorConfig cfg, ChatRequest request, long arrival)
            throws IOException {
        if (random.getAsDouble() < cfg.errorRate()) {
            counters.errors.incrementAndGet();
            Responses.error(
                    exchange,
                    500,
                    "The server had an error while processing your request. Sorry about that! (injected)",
                    "server_error",
                    null);
            return;
        }
        List<String> tokens = Words.tokens(cfg.reply());
        CompletionJson json = new CompletionJson(Responses.JSON, request, tokens.size());
        try {
            if (request.stream()) {
                boolean stall = random.getAsDouble() < cfg.stallRate();
                stream(exchange, request, tokens, json, Schedule.of(cfg, tokens.size(), stall), arrival);
            } else {
                sleepUntil(arrival + Schedule.of(cfg, tokens.size(), false).finishNanos());
                Responses.json(exchange, 200, json.completion(cfg.reply()));
            }
            counters.completed.incrementAndGet();
        } catch (IOException e) {
            counters.cancelled.incrementAndGet();
        } catch (InterruptedException e) {
            // The simulator is closing: the answer is dropped and counts as nothing.
            Thread.currentThread().interrupt();
        }
    }

    private void stream(
            HttpExchange exchange,
            ChatRequest request,
            List<String> tokens,
            CompletionJson json,
            Schedule schedule,
            long arrival)
            throws IOException, InterruptedException {
        // An empty reply still streams one delta, because clients learn the role from the first one.
        List<String> deltas = tokens.isEmpty() ? List.of("") : tokens;
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        // Headers leave at once, as a provider's do, so the wait shows as time to first token. The JDK
        // server buffers them until the first flush; flushing an empty chunked body sends just them.
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().flush();
        SseWriter sse = new SseWriter(exchange.getResponseBody(), Responses.JSON);
        for (int i = 0; i < deltas.size(); i++) {
            awaitChunk(schedule, i, arrival);
            sse.send(json.contentChunk(deltas.get(i), i == 0));
        }
        awaitChunk(schedule, deltas.size(), arrival);
        sse.send(json.finishChunk());
        if (request.includeUsage()) {
            sse.send(json.usageChunk());
        }
        sse.done();
    }

    private void awaitChunk(Schedule schedule, int chunk, long arrival) throws InterruptedException {
        if (schedule.stallsBefore(chunk)) {
            counters.stalls.incrementAndGet();
        }
        sleepUntil(arrival + schedule.offsetNanos(chunk));
    }

    private static void sleepUntil(long deadlineNanos) throws InterruptedException {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }
}
