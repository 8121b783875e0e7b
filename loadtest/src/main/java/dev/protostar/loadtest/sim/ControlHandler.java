package dev.protostar.loadtest.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulator's own endpoints, for a test or benchmark in another process: {@code GET /sim/stats};
 * {@code GET /sim/config}; {@code POST /sim/config} with any subset of {@link SimulatorConfig}'s fields
 * (the rest keep their value, unknown fields are a 400 so typos show); {@code POST /sim/reset};
 * {@code GET /sim/requests}, the last chat requests' bodies, oldest first.
 */
final class ControlHandler implements HttpHandler {

    private final Supplier<SimulatorConfig> config;
    private final Consumer<SimulatorConfig> reconfigure;
    private final Counters counters;
    private final Supplier<List<JsonNode>> requests;

    ControlHandler(
            Supplier<SimulatorConfig> config,
            Consumer<SimulatorConfig> reconfigure,
            Counters counters,
            Supplier<List<JsonNode>> requests) {
        this.config = config;
        this.reconfigure = reconfigure;
        this.counters = counters;
        this.requests = requests;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            switch (exchange.getRequestMethod() + " " + path) {
                case "GET /sim/stats" -> Responses.json(exchange, 200, counters.snapshot());
                case "GET /sim/config" -> Responses.json(exchange, 200, config.get());
                case "GET /sim/requests" -> Responses.json(exchange, 200, requests.get());
                case "POST /sim/config" -> update(exchange);
                case "POST /sim/reset" -> {
                    counters.reset();
                    Responses.json(exchange, 200, counters.snapshot());
                }
                default -> {
                    switch (path) {
                        case "/sim/stats" -> Responses.methodNotAllowed(exchange, "GET");
                        case "/sim/config" -> Responses.methodNotAllowed(exchange, "GET, POST");
                        case "/sim/reset" -> Responses.methodNotAllowed(exchange, "POST");
                        case "/sim/requests" -> Responses.methodNotAllowed(exchange, "GET");
                        default ->
                            Responses.error(exchange, 404, "No such endpoint: " + path, "invalid_request_error", null);
                    }
                }
            }
        }
    }

    private void update(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            reconfigure.accept(merged(body));
        } catch (IllegalArgumentException e) {
            Responses.error(exchange, 400, e.getMessage(), "invalid_request_error", null);
            return;
        }
        Responses.json(exchange, 200, config.get());
    }

    private SimulatorConfig merged(byte[] body) {
        try {
            JsonNode changes = Responses.JSON.readTree(body);
            if (changes == null || !changes.isObject()) {
                throw new IllegalArgumentException("The body must be a JSON object of SimulatorConfig fields.");
            }
            ObjectNode next = Responses.JSON.valueToTree(config.get());
            next.setAll((ObjectNode) changes);
            return Responses.JSON.treeToValue(next, SimulatorConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
