package dev.protostar.loadtest.sim;

/**
 * How the simulated provider behaves. Defaults are a modest hosted model: 800 ms to the first token,
 * 30 tokens/s, 64 concurrent streams before it answers 429 like a provider at capacity.
 *
 * @param port 0 picks a free port
 * @param ttftMs delay before the first token
 * @param tokensPerSecond streaming speed after the first token
 * @param maxStreams concurrent requests accepted; beyond: 429 with Retry-After
 * @param retryAfterSeconds the Retry-After of a 429
 * @param errorRate fraction of requests answered 500 before any token
 * @param stallRate fraction of streams that go silent halfway for {@code stallMs}
 * @param stallMs length of an injected stall
 * @param reply the answer; streamed word by word (each word with its leading space)
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

    public static final String DEFAULT_REPLY =
            "Based on the documents provided, the candidate led a team of five engineers "
                    + "that rebuilt the payment settlement service, raising throughput from 1,200 to 4,800 transactions per "
                    + "second while cutting p99 latency to 45 milliseconds. The documents also describe a migration from a "
                    + "monolith to event-driven services on Kafka, completed over nine months without downtime, and "
                    + "mentoring two junior developers.";

    public static SimulatorConfig defaults() {
        return new SimulatorConfig(8090, 800, 30, 64, 1, 0, 0, 5000, DEFAULT_REPLY);
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
}
