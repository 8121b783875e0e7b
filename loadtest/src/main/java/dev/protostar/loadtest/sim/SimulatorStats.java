package dev.protostar.loadtest.sim;

/**
 * What the simulator saw since it started or was last reset ({@code GET /sim/stats}).
 *
 * @param requests chat completion requests received, whatever became of them
 * @param activeStreams requests holding a capacity slot right now (streaming or not)
 * @param maxConcurrentStreams the most slots held at once
 * @param rejected429 requests turned away at capacity
 * @param errorsInjected requests answered with an injected 500
 * @param stallsInjected streams that went silent for the configured stall
 * @param cancelledByClient answers cut short because the client went away (a write failed)
 * @param completed answers delivered to the end ({@code [DONE]} written, or the whole JSON)
 */
public record SimulatorStats(
        long requests,
        long activeStreams,
        long maxConcurrentStreams,
        long rejected429,
        long errorsInjected,
        long stallsInjected,
        long cancelledByClient,
        long completed) {}
