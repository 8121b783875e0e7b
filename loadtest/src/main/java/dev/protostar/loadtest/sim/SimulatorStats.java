package dev.protostar.loadtest.sim;

/** What the simulator saw since start or the last reset. */
public record SimulatorStats(
        long requests,
        long activeStreams,
        long maxConcurrentStreams,
        long rejected429,
        long errorsInjected,
        long stallsInjected,
        long cancelledByClient,
        long completed) {}
