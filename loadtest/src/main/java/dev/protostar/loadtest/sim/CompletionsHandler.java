package dev.protostar.loadtest.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/chat/completions} as an OpenAI-compatible provider answers it: SSE chunks when
 * {@code stream} is true (then a usage chunk if asked, then {@code [DONE]}), one JSON otherwise; 429 with
 * Retry-After at capacity. Runs on a virtual thread per request, so sleeping is how time passes.
 */
final class CompletionsHandler implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+\\s*$|\\s*\\S+");

    private final Supplier<SimulatorConfig> config;
    private final Counters counters;

    CompletionsHandler(Supplier<SimulatorConfig> config, Counters counters) {
        this.config = config;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                SimulatorServer.json(exchange, 405, error("method not allowed", "invalid_request_error"));
                return;
            }
            SimulatorConfig cfg = config.get();
            counters.requests.incrementAndGet();
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            if (!counters.tryOpen(cfg.maxStreams())) {
                counters.rejected.incrementAndGet();
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(cfg.retryAfterSeconds()));
                SimulatorServer.json(
                        exchange,
                        429,
                        error("Rate limit reached: too many concurrent requests", "rate_limit_exceeded"));
                return;
            }
            try {
                if (ThreadLocalRandom.current().nextDouble() < cfg.errorRate()) {
                    counters.errors.incrementAndGet();
                    SimulatorServer.json(exchange, 500, error("Injected server error", "server_error"));
                    return;
                }
                Answer answer = new Answer(cfg, request);
                if (request.path("stream").asBoolean(false)) {
                    stream(
                            exchange,
                            cfg,
                            answer,
                            request.at("/stream_options/include_usage").asBoolean(false));
                } else {
                    sleep(cfg.ttftMs() + (long) (answer.tokens.size() * 1000 / cfg.tokensPerSecond()));
                    SimulatorServer.json(exchange, 200, answer.completion());
                    counters.completed.incrementAndGet();
                }
            } finally {
                counters.close();
            }
        }
    }

    private void stream(HttpExchange exchange, SimulatorConfig cfg, Answer answer, boolean includeUsage)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        boolean stall = ThreadLocalRandom.current().nextDouble() < cfg.stallRate();
        long pauseMs = (long) (1000 / cfg.tokensPerSecond());
        try {
            sleep(cfg.ttftMs());
            for (int i = 0; i < answer.tokens.size(); i++) {
                if (i > 0) {
                    sleep(pauseMs);
                }
                if (stall && i == answer.tokens.size() / 2) {
                    counters.stalls.incrementAndGet();
                    sleep(cfg.stallMs());
                }
                send(out, answer.chunk(i == 0, answer.tokens.get(i), null));
            }
            send(out, answer.chunk(false, null, "stop"));
            if (includeUsage) {
                send(out, answer.usageChunk());
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            counters.completed.incrementAndGet();
        } catch (IOException e) {
            counters.cancelled.incrementAndGet();
        }
    }

    private static void send(OutputStream out, JsonNode chunk) throws IOException {
        out.write(("data: " + JSON.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ObjectNode error(String message, String type) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type);
        return body;
    }

    /** One completion: the reply cut into tokens, with the ids and usage of its chunks. */
    private static final class Answer {
        final String id = "chatcmpl-" + UUID.randomUUID();
        final long created = System.currentTimeMillis() / 1000;
        final String model;
        final List<String> tokens = new ArrayList<>();
        final int promptTokens;

        Answer(SimulatorConfig cfg, JsonNode request) {
            this.model = request.path("model").asText("simulator");
            Matcher matcher = TOKEN.matcher(cfg.reply());
            while (matcher.find()) {
                tokens.add(matcher.group());
            }
            int words = 0;
            for (JsonNode message : request.path("messages")) {
                words += message.path("content").asText("").split("\\s+").length;
            }
            // An approximation: about one token per word, plus the per-message overhead of chat formats.
            this.promptTokens = words + 4 * request.path("messages").size();
        }

        ObjectNode chunk(boolean first, String content, String finishReason) {
            ObjectNode chunk = base("chat.completion.chunk");
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode delta = choice.putObject("delta");
            if (first) {
                delta.put("role", "assistant");
            }
            if (content != null) {
                delta.put("content", content);
            }
            if (finishReason == null) {
                choice.putNull("finish_reason");
            } else {
                choice.put("finish_reason", finishReason);
            }
            return chunk;
        }

        ObjectNode usageChunk() {
            ObjectNode chunk = base("chat.completion.chunk");
            chunk.putArray("choices");
            usage(chunk);
            return chunk;
        }

        ObjectNode completion() {
            ObjectNode completion = base("chat.completion");
            ObjectNode choice = completion.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", String.join("", tokens));
            choice.put("finish_reason", "stop");
            usage(completion);
            return completion;
        }

        private ObjectNode base(String object) {
            ObjectNode node = JSON.createObjectNode();
            node.put("id", id).put("object", object).put("created", created).put("model", model);
            return node;
        }

        private void usage(ObjectNode node) {
            node.putObject("usage")
                    .put("prompt_tokens", promptTokens)
                    .put("completion_tokens", tokens.size())
                    .put("total_tokens", promptTokens + tokens.size());
        }
    }
}
