package dev.protostar.loadtest.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An OpenAI-compatible model server standing in for the LLM provider in tests and benchmarks: real HTTP,
 * real SSE, with a configurable time to first token, token rate, capacity (429 beyond it), injected
 * errors and stalls, and counters of what it saw.
 *
 * <p>Endpoints: {@code POST /v1/chat/completions}, {@code GET /v1/models}, {@code GET /sim/stats},
 * {@code GET|POST /sim/config}, {@code POST /sim/reset}, {@code GET /sim/requests} (the last chat requests, whole:
 * the prompts a model would have read). Listens on 127.0.0.1 only.
 *
 * <pre>{@code
 * try (LlmSimulator llm = LlmSimulator.start(SimulatorConfig.defaults().withPort(0).withTtftMs(200))) {
 *     OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(llm.baseUrl())…
 * }
 * }</pre>
 */
public final class LlmSimulator implements AutoCloseable {

    static {
        // Without TCP_NODELAY a token written while the previous one awaits its ACK is held back (Nagle),
        // so tokens would arrive in clumps. The JDK server reads this once, when the JVM's first HttpServer
        // starts; a value set explicitly wins.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    // Room for a thousand clients connecting at once; the kernel caps it at net.core.somaxconn.
    private static final int BACKLOG = 4096;
    // Streams are interrupted on close; this only bounds the wait for their threads to notice.
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final AtomicReference<SimulatorConfig> config;
    private final Counters counters = new Counters();
    private final ReceivedRequests received = new ReceivedRequests();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;
    private final long startedSeconds = System.currentTimeMillis() / 1000;

    private LlmSimulator(SimulatorConfig initial) throws IOException {
        this.config = new AtomicReference<>(initial);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", initial.port()), BACKLOG);
        server.setExecutor(executor);
        server.createContext(
                "/v1/chat/completions",
                new CompletionsHandler(config::get, counters, received, () -> ThreadLocalRandom.current()
                        .nextDouble()));
        server.createContext("/v1/models", this::models);
        server.createContext("/sim/", new ControlHandler(config::get, this::reconfigure, counters, this::requests));
        server.start();
        config.set(initial.withPort(port()));
    }

    /** Starts listening; with port 0 on a free port, see {@link #port()}. */
    public static LlmSimulator start(SimulatorConfig config) throws IOException {
        return new LlmSimulator(config);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What an OpenAI client takes as its base URL: {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public SimulatorConfig config() {
        return config.get();
    }

    public SimulatorStats stats() {
        return counters.snapshot();
    }

    /**
     * The last {@value ReceivedRequests#KEPT} chat requests it was sent (those it could parse), oldest first, as
     * their JSON bodies: {@code messages} holds the prompt.
     */
    public List<JsonNode> requests() {
        List<JsonNode> requests = new ArrayList<>();
        for (byte[] body : received.bodies()) {
            try {
                requests.add(Responses.JSON.readTree(body));
            } catch (IOException e) {
                throw new UncheckedIOException("A body that parsed once no longer parses", e);
            }
        }
        return requests;
    }

    public void resetStats() {
        counters.reset();
    }

    /** Changes behaviour for requests from now on; streams in flight keep theirs, and the port stays. */
    public void reconfigure(SimulatorConfig next) {
        config.set(next.withPort(port()));
    }

    /** Stops listening and cuts the streams in flight (clients see the connection close). */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void models(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                Responses.methodNotAllowed(exchange, "GET");
                return;
            }
            ObjectNode list = Responses.JSON.createObjectNode().put("object", "list");
            list.putArray("data")
                    .addObject()
                    .put("id", ChatRequest.DEFAULT_MODEL)
                    .put("object", "model")
                    .put("created", startedSeconds)
                    .put("owned_by", "protostar");
            Responses.json(exchange, 200, list);
        }
    }

    /** Runs standalone; see {@link Flags#USAGE}. Prints the base URL on its own line, then serves until killed. */
    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(Flags.USAGE);
            return;
        }
        SimulatorConfig config;
        try {
            config = Flags.parse(args, SimulatorConfig.defaults());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Flags.USAGE);
            System.exit(2);
            return;
        }
        LlmSimulator simulator = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println(simulator.baseUrl());
        System.err.println("LLM simulator serving with " + simulator.config());
        Thread.currentThread().join();
    }
}
