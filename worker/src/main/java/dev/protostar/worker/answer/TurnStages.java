package dev.protostar.worker.answer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Where a turn's time to first token goes before the model's first token, stage by stage
 * ({@code protostar_worker_stage_seconds{stage=…}}): an ops team reads a slow first token here instead of
 * guessing, and the dam benchmark splits the pipeline's own cost by them.
 */
@Component
class TurnStages {

    /** From the intake's arrival to this worker taking the turn off {@code chat-requests}: the gates and Kafka. */
    static final String QUEUED = "queued";

    /** The turn's ledger and its {@code started} event (or {@code reset}) on {@code chat-results}. */
    static final String ANNOUNCE = "announce";

    /** The session's memory, and the follow-up resolved into the question retrieval sees. */
    static final String RECALL = "recall";

    /** Retrieval (the question's embedding, both legs) and the grounding gate's verdict. */
    static final String GROUND = "ground";

    /** From asking the model (or the extractive answer) to its first token, the model's own time included. */
    static final String FIRST_TOKEN = "first-token";

    private final Map<String, Timer> timers = new HashMap<>();

    TurnStages(MeterRegistry registry) {
        for (String stage : List.of(QUEUED, ANNOUNCE, RECALL, GROUND, FIRST_TOKEN)) {
            timers.put(stage, timer(registry, stage));
        }
    }

    /** Wall clock, as the intake's {@code admittedAt} is another process's. */
    void queued(Instant arrived, Instant taken) {
        if (arrived != null) {
            timers.get(QUEUED).record(Duration.between(arrived, taken));
        }
    }

    /** {@code stage} ran from {@code startNanos} to {@code endNanos} ({@link System#nanoTime}). */
    void took(String stage, long startNanos, long endNanos) {
        timers.get(stage).record(endNanos - startNanos, TimeUnit.NANOSECONDS);
    }

    private static Timer timer(MeterRegistry registry, String stage) {
        return Timer.builder("protostar.worker.stage")
                .description("Time a turn spends in each stage before the model's first token")
                .tag("stage", stage)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
