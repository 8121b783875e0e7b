package dev.protostar.loadtest.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An OpenAI-compatible model server for tests and benchmarks: configurable time to first token,
 * token rate, capacity (429 beyond it), errors and stalls, over real HTTP. Endpoints:
 * {@code POST /v1/chat/completions}, {@code GET /v1/models}, {@code GET /sim/stats},
 * {@code POST /sim/config} (a JSON {@link SimulatorConfig}), {@code POST /sim/reset}.
 */
public final class LlmSimulator implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicReference<SimulatorConfig> config;
    private final Counters counters = new Counters();

    private LlmSimulator(SimulatorConfig initial) throws IOException {
        this.config = new AtomicReference<>(initial);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", initial.port()), 1024);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", new CompletionsHandler(config::get, counters));
        server.createContext("/v1/models", exchange -> {
            try (exchange) {
                SimulatorServer.json(
                        exchange,
                        200,
                        Map.of(
                                "object",
                                "list",
                                "data",
                                java.util.List.of(
                                        Map.of("id", "simulator", "object", "model", "owned_by", "protostar"))));
            }
        });
        server.createContext("/sim/stats", exchange -> {
            try (exchange) {
                SimulatorServer.json(exchange, 200, counters.snapshot());
            }
        });
        server.createContext("/sim/config", exchange -> {
            try (exchange) {
                if ("POST".equals(exchange.getRequestMethod())) {
                    reconfigure(SimulatorServer.JSON.readValue(SimulatorServer.text(exchange), SimulatorConfig.class));
                }
                SimulatorServer.json(exchange, 200, config.get());
            }
        });
        server.createContext("/sim/reset", exchange -> {
            try (exchange) {
                counters.reset();
                SimulatorServer.json(exchange, 200, counters.snapshot());
            }
        });
        server.start();
    }

    public static LlmSimulator start(SimulatorConfig config) throws IOException {
        return new LlmSimulator(config);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What an OpenAI client takes as its base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public SimulatorStats stats() {
        return counters.snapshot();
    }

    public void resetStats() {
        counters.reset();
    }

    /** Changes behaviour for requests from now on (the port stays). */
    public void reconfigure(SimulatorConfig next) {
        config.set(next.withPort(port()));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** {@code --port=8090 --ttft-ms=800 --tokens-per-second=30 --max-streams=64 --error-rate=0 --stall-rate=0 --stall-ms=5000 --reply=...} */
    public static void main(String[] args) throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            String value = pair.length > 1 ? pair[1] : "";
            config = switch (pair[0]) {
                case "port" -> config.withPort(Integer.parseInt(value));
                case "ttft-ms" -> config.withTtftMs(Long.parseLong(value));
                case "tokens-per-second" -> config.withTokensPerSecond(Double.parseDouble(value));
                case "max-streams" -> config.withMaxStreams(Integer.parseInt(value));
                case "error-rate" -> config.withErrorRate(Double.parseDouble(value));
                case "stall-rate" -> config.withStall(Double.parseDouble(value), config.stallMs());
                case "stall-ms" -> config.withStall(config.stallRate(), Long.parseLong(value));
                case "reply" -> config.withReply(value);
                default -> throw new IllegalArgumentException("Unknown option --" + pair[0]);
            };
        }
        LlmSimulator simulator = start(config);
        System.out.println("LLM simulator on " + simulator.baseUrl() + " " + config);
        Thread.currentThread().join();
    }
}
