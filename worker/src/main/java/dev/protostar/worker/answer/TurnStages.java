package dev.protostar.worker.answer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
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

    private final Timer queued;
    private final Timer announce;
    private final Timer recall;
    private final Timer ground;
    private final Timer firstToken;

    TurnStages(MeterRegistry registry) {
        this.queued = timer(registry, QUEUED);
        this.announce = timer(registry, ANNOUNCE);
        this.recall = timer(registry, RECALL);
        this.ground = timer(registry, GROUND);
        this.firstToken = timer(registry, FIRST_TOKEN);
    }

    /** Wall clock, as the intake's {@code admittedAt} is another process's. */
    void queued(Instant arrived, Instant taken) {
        if (arrived != null) {
            queued.record(Duration.between(arrived, taken).toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    void announce(long startNanos, long endNanos) {
        announce.record(endNanos - startNanos, TimeUnit.NANOSECONDS);
    }

    void recall(long startNanos, long endNanos) {
        recall.record(endNanos - startNanos, TimeUnit.NANOSECONDS);
    }

    void ground(long startNanos, long endNanos) {
        ground.record(endNanos - startNanos, TimeUnit.NANOSECONDS);
    }

    void firstToken(long startNanos, long endNanos) {
        firstToken.record(endNanos - startNanos, TimeUnit.NANOSECONDS);
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
