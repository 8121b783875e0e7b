package dev.protostar.loadtest.sim;

/**
 * How the simulated provider behaves. Every request reads the configuration current when it arrives,
 * so {@link LlmSimulator#reconfigure} and {@code POST /sim/config} change later requests, never one in
 * flight.
 *
 * @param port where to listen on 127.0.0.1; 0 picks a free port (embedded use)
 * @param ttftMs delay from the request to the first content token
 * @param tokensPerSecond streaming rate after the first token
 * @param maxStreams concurrent requests served; the next one gets 429 with {@code Retry-After}
 * @param retryAfterSeconds the {@code Retry-After} of a 429
 * @param errorRate fraction of requests answered 500 before any byte of the answer
 * @param stallRate fraction of streams that go silent halfway for {@code stallMs}
 * @param stallMs how long an injected stall lasts
 * @param reply the answer to every request, streamed word by word (each word with its leading space)
 */
public record SimulatorConfig(
        int port,
        long ttftMs,
        double tokensPerSecond,
        int maxStreams,
        int retryAfterSeconds,
        double errorRate,
        double stallRate,
        long stallMs,
        String reply) {

    /** About 60 words: long enough to stream for a couple of seconds at the default rate. */
    public static final String DEFAULT_REPLY =
            "Based on the documents provided, the candidate led a team of five engineers"
                    + " that rebuilt the payment settlement service, raising throughput from 1,200 to 4,800 transactions"
                    + " per second while cutting p99 latency to 45 milliseconds. The documents also describe a migration"
                    + " from a monolith to event-driven services on Kafka, completed over nine months without downtime,"
                    + " and the mentoring of two junior developers.";

    public SimulatorConfig {
        require(port >= 0 && port <= 65_535, "port must be 0..65535");
        require(ttftMs >= 0, "ttftMs must be >= 0");
        require(tokensPerSecond > 0 && Double.isFinite(tokensPerSecond), "tokensPerSecond must be > 0");
        require(maxStreams >= 0, "maxStreams must be >= 0");
        require(retryAfterSeconds >= 0, "retryAfterSeconds must be >= 0");
        require(errorRate >= 0 && errorRate <= 1, "errorRate must be 0..1");
        require(stallRate >= 0 && stallRate <= 1, "stallRate must be 0..1");
        require(stallMs >= 0, "stallMs must be >= 0");
        require(reply != null, "reply must not be null");
    }

    public static SimulatorConfig defaults() {
        return new SimulatorConfig(
                // A fixed port for the standalone server, so scripts and a local stack know where it is.
                8090,
                // A hosted model's usual wait before the first token of a short RAG answer.
                800,
                // Typical streaming speed of a mid-size hosted model.
                30,
                // A modest account's concurrency: low enough that a load test meets 429s like in production.
                64,
                // Capacity frees up within seconds; a short hint keeps retrying clients (and tests) quick.
                1,
                // No faults unless a test or benchmark asks for them.
                0,
                0,
                // Long enough to trip a client's idle-stream timeout, short enough for a test to wait out.
                5000,
                DEFAULT_REPLY);
    }

    public SimulatorConfig withPort(int port) {
        return new SimulatorConfig(
                port, ttftMs, tokensPerSecond, maxStreams, retryAfterSeconds, errorRate, stallRate, stallMs, reply);
    }

    public SimulatorConfig withTtftMs(long ttftMs) {
        return new SimulatorConfig(
                port, ttftMs, tokensPerSecond, maxStreams, retryAfterSeconds, errorRate, stallRate, stallMs, reply);
    }

    public SimulatorConfig withTokensPerSecond(double tokensPerSecond) {
        return new SimulatorConfig(
                port, ttftMs, tokensPerSecond, maxStreams, retryAfterSeconds, errorRate, stallRate, stallMs, reply);
    }

    public SimulatorConfig withMaxStreams(int maxStreams) {
        return new SimulatorConfig(
                port, ttftMs, tokensPerSecond, maxStreams, retryAfterSeconds, errorRate, stallRate, stallMs, reply);
    }

    public SimulatorConfig withRetryAfterSeconds(int retryAfterSeconds) {
        return new SimulatorConfig(
                port, ttftMs, tokensPerSecond, maxStreams, retryAfterSeconds, errorRate, stallRate, stallMs, reply);
    }

    public SimulatorConfig withErrorRate(double errorRate) {
        return new SimulatorConfig(
                port, ttftMs, tokensPerSecond, maxStreams, retryAfterSeconds, errorRate, stallRate, stallMs, reply);
    }

    public SimulatorConfig withStall(double stallRate, long stallMs) {
        return new SimulatorConfig(
                port, ttftMs, tokensPerSecond, maxStreams, retryAfterSeconds, errorRate, stallRate, stallMs, reply);
    }

    public SimulatorConfig withReply(String reply) {
        return new SimulatorConfig(
                port, ttftMs, tokensPerSecond, maxStreams, retryAfterSeconds, errorRate, stallRate, stallMs, reply);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
