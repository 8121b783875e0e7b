package dev.protostar.chat.dam;

import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.kafka.message.ChatEvent;
import dev.protostar.kafka.message.Priority;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The Traffic Dam's capacity side, after the quota and the session's single flight: sheds while the workers'
 * LLM breakers are open, holds the in-flight turns under the adaptive limit (lower priorities within a
 * share of it, so they go first), and refuses at once a turn that could not start before its deadline.
 * Every refusal is a 503 that names the gate and says when to come back. The slot taken here is held until
 * the turn's done or error event (or its lease runs out), and the quota reservation settled then — off the
 * caller's thread: a settlement is two Redis round trips nobody waits for, and the callers are a refused
 * client's request and the one thread that fans every answer event out to the streams.
 */
public class Dam {

    /** Weight of the newest observation in the running means of TTFT and turn length. */
    private static final double EMA_WEIGHT = 0.1;

    private final DamProperties properties;
    private final Workers workers;
    private final AdaptiveLimit limit;
    private final Quotas quotas;
    private final Baseline baseline;
    private final Slots slots;
    private final DamMetrics metrics;
    private final InstantSource clock;
    private final LongSupplier nanoTime;
    private final Executor settling;
    private double ttftMillis;
    private double turnMillis;

    Dam(
            DamProperties properties,
            Workers workers,
            AdaptiveLimit limit,
            Quotas quotas,
            Baseline baseline,
            DamMetrics metrics,
            InstantSource clock,
            LongSupplier nanoTime,
            Executor settling) {
        this.properties = properties;
        this.workers = workers;
        this.limit = limit;
        this.quotas = quotas;
        this.baseline = baseline;
        this.slots = new Slots(nanoTime);
        this.metrics = metrics;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.settling = settling;
        metrics.gauges(
                this::limit,
                slots::inFlight,
                () -> workers.capacity().orElse(0),
                () -> workers.queueDelay().toMillis() / 1000.0);
    }

    /** The limit in force: the adaptive one, never above this instance's share of what the live workers hold. */
    int limit() {
        limit.ceiling(workers.share().orElse(0));
        return limit.limit();
    }

    int inFlight() {
        return slots.inFlight();
    }

    /**
     * The quota gate: reserves the turn's request and estimated tokens against its tenant's quotas, or throws
     * the 429 that says which quota and when it has room again (Retry-After, RateLimit, RateLimit-Policy).
     */
    public Admission.Granted quota(Ticket ticket) {
        long start = nanoTime.getAsLong();
        Admission admission = quotas.reserve(ticket.tenant(), ticket.estimatedTokens());
        metrics.quotaTime(nanoTime.getAsLong() - start);
        if (admission instanceof Admission.Rejected rejected) {
            throw ApiProblem.tooManyRequests(
                            "quota-exceeded",
                            "Your tenant used its " + rejected.quota().policy() + " per minute; wait for the quota"
                                    + " to refill.",
                            rejected.retryAfter())
                    .with("gate", "quota")
                    .with("quota", rejected.quota().policy())
                    .header("RateLimit-Policy", rejected.rateLimitPolicy())
                    .header("RateLimit", rejected.rateLimit());
        }
        Admission.Granted granted = (Admission.Granted) admission;
        metrics.tokens("reserved", granted.reservation().tokens());
        return granted;
    }

    /** Whether {@link #quota} would decide this turn in memory, without a round trip to Redis. */
    public boolean quotaInMemory(Ticket ticket) {
        return quotas.inMemory(ticket.tenant(), ticket.estimatedTokens());
    }

    /** Gives back a reservation whose turn went no further than the quota (a repeated key, a busy session). */
    public void refund(Reservation reservation) {
        settle(reservation, 0);
    }

    /**
     * Takes a slot for the turn or throws the 503 that says why not. {@code reservation} is the quota's,
     * settled when the turn ends; on a refusal the caller refunds it.
     */
    public void admit(Ticket ticket, Reservation reservation) {
        long start = nanoTime.getAsLong();
        try {
            if (baseline != null) {
                admitByBaseline(ticket, reservation);
                return;
            }
            Optional<Duration> breaker = workers.breakerOpen();
            if (breaker.isPresent()) {
                refuse(
                        "breaker",
                        "llm-breaker-open",
                        "The language model is failing; the workers stopped calling it for a while.",
                        breaker.get());
            }
            Duration wait = workers.queueDelay().plusMillis((long) expectedTtftMillis());
            if (ticket.arrived().plus(wait).isAfter(ticket.deadline())) {
                refuse(
                        "deadline",
                        "deadline-unreachable",
                        "The turn could not start before its deadline (expected wait " + wait.toMillis() + " ms).",
                        wait);
            }
            int allowed = allowed(ticket.priority());
            if (!slots.take(ticket, reservation, allowed)) {
                if (properties.shadowed("capacity")) {
                    metrics.rejected("capacity", "at-limit", false);
                    slots.take(ticket, reservation, Integer.MAX_VALUE);
                } else {
                    metrics.rejected("capacity", "at-limit", true);
                    throw problem(
                            "capacity",
                            "at-limit",
                            "All " + allowed + " slots for "
                                    + ticket.priority().name().toLowerCase() + " turns are taken.",
                            untilFree(allowed));
                }
            }
            metrics.admitted(ticket.priority());
        } finally {
            metrics.decision(nanoTime.getAsLong() - start);
        }
    }

    /** The benchmark's baselines decide alone: no breaker, deadline or priority, only their own permits. */
    private void admitByBaseline(Ticket ticket, Reservation reservation) {
        String gate = properties.mode().name().toLowerCase();
        if (!baseline.tryEnter(ticket)) {
            metrics.rejected(gate, "full", true);
            throw problem(gate, "full", "The " + gate + " baseline is full.", Duration.ofSeconds(1));
        }
        slots.take(ticket, reservation, Integer.MAX_VALUE);
        metrics.admitted(ticket.priority());
    }

    /** Gives back the slot of a turn that never reached Kafka; nothing was used, so the reservation is refunded. */
    public void notSent(String requestId) {
        slots.release(requestId).ifPresent(slot -> end(slot, "not_sent", 0, "not_sent"));
    }

    /** Every answer event of every session passes here; only this instance's turns are acted on. */
    public void observe(ChatEvent event) {
        switch (event) {
            case ChatEvent.Delta delta -> slots.firstToken(delta.requestId()).ifPresent(this::firstToken);
            case ChatEvent.Done done ->
                slots.release(done.requestId()).ifPresent(slot -> {
                    long used = done.usage() == null
                            ? 0
                            : done.usage().inputTokens() + done.usage().outputTokens();
                    end(slot, "done", used, null);
                });
            case ChatEvent.Error error ->
                slots.release(error.requestId()).ifPresent(slot -> {
                    drop(error.code()).ifPresent(limit::onDrop);
                    end(slot, "error", slot.reservation().tokens(), error.code());
                });
            default -> {}
        }
    }

    /**
     * What an error says about capacity: a provider 429 is back-pressure, a stall or a turn that expired
     * waiting is a timeout, a failed call a failure. A cancelled turn, or one refused while the breaker is
     * open (the breaker gate handles that), says nothing about how many turns the workers can hold.
     */
    static Optional<AdaptiveLimit.Drop> drop(String code) {
        return switch (code) {
            case "llm_rate_limited" -> Optional.of(AdaptiveLimit.Drop.BACKPRESSURE);
            case "llm_stalled", "deadline_exceeded" -> Optional.of(AdaptiveLimit.Drop.TIMEOUT);
            case "llm_error" -> Optional.of(AdaptiveLimit.Drop.FAILURE);
            default -> Optional.empty();
        };
    }

    /** Takes back the slots whose end was lost: a turn never holds a slot much past its deadline. */
    @Scheduled(fixedDelayString = "${protostar.dam.reap-interval-ms:1000}")
    void reap() {
        for (Slots.Slot slot : slots.reap(clock.instant(), properties.leaseGrace())) {
            end(slot, "lease_expired", slot.reservation().tokens(), "lease_expired");
        }
    }

    private void firstToken(Slots.Slot slot) {
        long ttft = slots.heldNanos(slot);
        limit.onSample(ttft, slot.inFlightAtStart());
        metrics.ttft(Duration.ofNanos(ttft));
        synchronized (this) {
            ttftMillis = ema(ttftMillis, ttft / 1e6);
        }
    }

    private void end(Slots.Slot slot, String how, long usedTokens, String code) {
        if (baseline != null) {
            baseline.exit(slot.ticket().requestId(), code);
        }
        settle(slot.reservation(), usedTokens);
        metrics.released(how);
        metrics.tokens("used", usedTokens);
        synchronized (this) {
            turnMillis = ema(turnMillis, slots.heldNanos(slot) / 1e6);
        }
    }

    private void settle(Reservation reservation, long usedTokens) {
        if (reservation.tokens() != usedTokens) {
            settling.execute(() -> quotas.settle(reservation, usedTokens));
        }
    }

    /** Interactive turns may fill the limit; bulk and replayed ones only their share, so they are shed first. */
    private int allowed(Priority priority) {
        int limit = limit();
        return switch (priority) {
            case INTERACTIVE -> limit;
            case BULK -> (int) Math.floor(limit * properties.bulkShare());
            case REPLAY -> (int) Math.floor(limit * properties.replayShare());
        };
    }

    private synchronized double expectedTtftMillis() {
        return ttftMillis;
    }

    /**
     * When a slot should be free: turns end at about in-flight / mean turn length per second, and one more
     * than the surplus has to end. Jittered by up to a second so refused clients do not all return at once.
     */
    private Duration untilFree(int allowed) {
        double meanTurn;
        synchronized (this) {
            meanTurn = turnMillis;
        }
        int inFlight = Math.max(1, slots.inFlight());
        double millis = meanTurn * (inFlight - allowed + 1) / inFlight;
        return Duration.ofMillis((long) millis + ThreadLocalRandom.current().nextLong(1000));
    }

    private void refuse(String gate, String reason, String detail, Duration retryAfter) {
        if (properties.shadowed(gate)) {
            metrics.rejected(gate, reason, false);
            return;
        }
        metrics.rejected(gate, reason, true);
        throw problem(gate, reason, detail, retryAfter);
    }

    private static ApiProblem problem(String gate, String reason, String detail, Duration retryAfter) {
        return ApiProblem.unavailable(reason, detail, retryAfter).with("gate", gate);
    }

    private static double ema(double mean, double sample) {
        return mean == 0 ? sample : mean + EMA_WEIGHT * (sample - mean);
    }
}
