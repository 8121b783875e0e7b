package dev.protostar.loadtest.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * How the dam benchmark runs. {@link #full()} is {@code ./protostar bench-dam}; {@link #smoke()} is the few
 * minutes of the same harness that the build runs, to keep it working, not to measure. Each can be overridden
 * by a {@code protostar.bench.*} system property of the same name ({@code -Dprotostar.bench.measure=60}).
 *
 * @param profile {@code full} or {@code smoke}, what the rest started from
 * @param modes the dam and the baselines, in the order they run
 * @param multiples offered load as multiples of the measured capacity C
 * @param warmUp load offered before the measurement window, not counted (the limit learns meanwhile)
 * @param measure the measurement window: the turns offered in it are the figures
 * @param slo a turn counts towards goodput only if its first token reached the client within this
 * @param deadline every turn's {@code Request-Timeout}; the client stops waiting a little after it
 * @param floodMultiple bulk plus replayed turns offered during the flood, as a multiple of C
 * @param peopleShare interactive turns offered during the flood, as a share of C
 * @param pipelineSessions sessions open at once for the pipeline's own cost
 * @param pipelineThink how long a person of those sessions reads and thinks between questions (mean)
 * @param pipelineWarmUp load on the pipeline before its measurement: at least one think, so every person is
 *     asking, and long enough for the fresh chat-api's JIT to compile what the load runs
 */
public record BenchSettings(
        String profile,
        List<String> modes,
        List<Double> multiples,
        Duration warmUp,
        Duration measure,
        Duration slo,
        Duration deadline,
        double floodMultiple,
        double peopleShare,
        int pipelineSessions,
        Duration pipelineThink,
        Duration pipelineWarmUp) {

    public static BenchSettings full() {
        return new BenchSettings(
                "full",
                List.of("dam", "none", "throttle", "bulkhead", "gradient2"),
                List.of(2.0, 5.0, 10.0),
                // the adaptive limit starts at 20 and grows by its square root per window: ~15 s to reach 64
                Duration.ofSeconds(20),
                // ten answers' length per slot: enough turns (~600 at C) for a p99
                Duration.ofSeconds(30),
                // the model's own first token takes 0.8 s; a person waits for the first word about twice that
                Duration.ofSeconds(2),
                // a person who has no answer after 10 s has given up
                Duration.ofSeconds(10),
                10,
                // people at half of C: a busy hour of recruiters while a batch screening floods in
                0.5,
                1000,
                // a recruiter reads a ~60-word answer and types the next question: half a minute
                Duration.ofSeconds(30),
                // the pipeline's chat-api starts fresh: at 150 s of load C2 still took 12-20% of each application's CPU
                // (async-profiler); after 300 s a turn cost 61.6-62.2 ms of CPU, after 120 s 62.7-67.4
                Duration.ofSeconds(300));
    }

    public static BenchSettings smoke() {
        return new BenchSettings(
                "smoke",
                List.of("dam", "none"),
                List.of(2.0),
                Duration.ofSeconds(8),
                Duration.ofSeconds(8),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                4,
                0.3,
                100,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }

    /** {@code full} or {@code smoke} after {@code protostar.bench.profile}, then each field's own property. */
    public static BenchSettings fromSystemProperties() {
        BenchSettings base = "full".equals(System.getProperty("protostar.bench.profile")) ? full() : smoke();
        return new BenchSettings(
                base.profile,
                property("modes", base.modes, value -> List.of(value.split(","))),
                property("multiples", base.multiples, value -> Arrays.stream(value.split(","))
                        .map(Double::valueOf)
                        .toList()),
                property("warm-up", base.warmUp, BenchSettings::seconds),
                property("measure", base.measure, BenchSettings::seconds),
                property("slo", base.slo, BenchSettings::seconds),
                property("deadline", base.deadline, BenchSettings::seconds),
                property("flood-multiple", base.floodMultiple, Double::valueOf),
                property("people-share", base.peopleShare, Double::valueOf),
                property("pipeline-sessions", base.pipelineSessions, Integer::valueOf),
                property("pipeline-think", base.pipelineThink, BenchSettings::seconds),
                property("pipeline-warm-up", base.pipelineWarmUp, BenchSettings::seconds));
    }

    /** The pipeline's load before its measurement window: its warm-up, or one think if that is longer. */
    public Duration pipelineLead() {
        return pipelineThink.compareTo(pipelineWarmUp) > 0 ? pipelineThink : pipelineWarmUp;
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
    }

    private static <T> T property(String name, T fallback, Function<String, T> parse) {
        String value = System.getProperty("protostar.bench." + name);
        return value == null || value.isBlank() ? fallback : parse.apply(value.strip());
    }
}
