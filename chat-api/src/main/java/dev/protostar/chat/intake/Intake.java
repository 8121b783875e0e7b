package dev.protostar.chat.intake;

import dev.protostar.chat.ChatApiProperties;
import dev.protostar.chat.auth.Caller;
import dev.protostar.chat.dam.Admission;
import dev.protostar.chat.dam.Classifier;
import dev.protostar.chat.dam.Dam;
import dev.protostar.chat.dam.DamMetrics;
import dev.protostar.chat.dam.Reservation;
import dev.protostar.chat.dam.Ticket;
import dev.protostar.chat.limits.LimitProperties;
import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.session.Sessions.Session;
import dev.protostar.kafka.message.ChatControl;
import dev.protostar.kafka.message.ChatRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Admits a question into a session: validates it, takes it through the Traffic Dam (quota, Idempotency-Key,
 * the session's single flight — 409 while a turn runs —, capacity, deadline) and hands it to
 * {@code submit-chat}. Every way in (the contract's messages,
 * the OpenAI-compatible endpoint) goes through here.
 */
@Component
public class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final Classifier classifier;
    private final TurnGuard guard;
    private final Dam dam;
    private final ProducerTemplate producer;
    private final ChatApiProperties properties;
    private final LimitProperties limits;

    private final Executor beside;
    private final Timer admittedTime;
    private final Timer refusedTime;
    private final Timer sessionTime;

    Intake(
            Classifier classifier,
            TurnGuard guard,
            Dam dam,
            ProducerTemplate producer,
            ChatApiProperties properties,
            LimitProperties limits,
            MeterRegistry meters) {
        this.admittedTime = intakeTimer(meters, "admitted");
        this.refusedTime = intakeTimer(meters, "refused");
        this.sessionTime = DamMetrics.gateTimer(meters, "session");
        this.classifier = classifier;
        this.guard = guard;
        this.dam = dam;
        this.producer = producer;
        this.properties = properties;
        this.limits = limits;
        ThreadFactory threads = Thread.ofVirtual().name("intake-", 0).factory();
        this.beside = task -> threads.newThread(task).start();
    }

    /**
     * An admitted turn: its requestId (the first one's, for a repeated Idempotency-Key) and the RateLimit
     * header fields that tell the client what is left of its quotas.
     */
    public record Submitted(String requestId, Map<String, String> headers) {}

    /**
     * Takes the turn through the dam's gates in order: classify, quota, idempotency and the session's single
     * flight, capacity and deadline. Whatever refuses it gives back what the gates before it took.
     *
     * @param priority the {@code Protostar-Priority} header, may be null
     * @param timeout the {@code Request-Timeout} header, may be null
     */
    public Submitted submit(
            Caller caller, Session session, String text, String idempotencyKey, String priority, String timeout) {
        long start = System.nanoTime();
        Timer outcome = refusedTime;
        try {
            Submitted submitted = gates(caller, session, text, idempotencyKey, priority, timeout);
            outcome = admittedTime;
            return submitted;
        } finally {
            outcome.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** The server's share of a refusal's latency: what the client sees beyond it is the network and the machine. */
    private static Timer intakeTimer(MeterRegistry meters, String outcome) {
        return Timer.builder("protostar.intake.duration")
                .description("Time the intake takes to admit a turn (handed to Kafka) or refuse it, in the server")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }

    private Submitted gates(
            Caller caller, Session session, String text, String idempotencyKey, String priority, String timeout) {
        String question = validText(text);
        String sessionId = session.sessionId().toString();
        Ticket ticket = classifier.classify(
                UUID.randomUUID().toString(), sessionId, caller.tenant(), question, priority, timeout);
        String requestId = ticket.requestId();
        String key = idempotencyKey(idempotencyKey, limits.idempotencyKeyLength());
        // The quota decides first; what the session's gate took for a turn the quota refuses is given back. When
        // the quota is decided in memory (its leases hold enough) the session's gate asks Redis on this thread;
        // otherwise it asks while the quota does, so the turn waits for the slower, not for both in turn.
        CompletableFuture<Flight> flight;
        Admission.Granted quota;
        if (dam.quotaInMemory(ticket)) {
            quota = dam.quota(ticket); // a refusal here took nothing at the session's gate
            try {
                flight = CompletableFuture.completedFuture(timedFlight(sessionId, key, requestId));
            } catch (RuntimeException e) {
                flight = CompletableFuture.failedFuture(e);
            }
        } else {
            flight = CompletableFuture.supplyAsync(() -> timedFlight(sessionId, key, requestId), beside);
            try {
                quota = dam.quota(ticket);
            } catch (RuntimeException refused) {
                flight.thenAccept(this::undoLater);
                throw refused;
            }
        }
        Reservation reservation = quota.reservation();
        Map<String, String> headers =
                Map.of("RateLimit-Policy", quota.rateLimitPolicy(), "RateLimit", quota.rateLimit());
        boolean slotTaken = false;
        try {
            Flight taken = join(flight);
            if (taken.repeatOf() != null) {
                return new Submitted(taken.repeatOf(), headers);
            }
            if (taken.running() != null) {
                undoLater(taken);
                throw ApiProblem.conflict(
                                "turn-running", "A turn of this session is still running; wait for its 'done' event.")
                        .with("runningRequestId", taken.running())
                        .with("gate", "session");
            }
            try {
                dam.admit(ticket, reservation);
                slotTaken = true;
                producer.requestBody(SubmitChatRoute.URI, request(ticket, session, question));
                return new Submitted(requestId, headers);
            } catch (RuntimeException e) {
                undoLater(taken);
                if (slotTaken) {
                    log.warn("Could not hand turn {} to Kafka", requestId, e);
                    dam.notSent(requestId);
                    throw ApiProblem.unavailable(
                                    "intake-unavailable",
                                    "The message queue did not accept the turn.",
                                    Duration.ofSeconds(5))
                            .with("gate", "intake");
                }
                throw e;
            }
        } finally {
            if (!slotTaken) {
                dam.refund(reservation);
            }
        }
    }

    /**
     * What the session's gate found for a turn: a repeated Idempotency-Key's first requestId, the turn already
     * running in the session, or (both null) the session taken for this turn, with its key remembered if it has
     * one.
     */
    private record Flight(String sessionId, String key, String requestId, String repeatOf, String running) {

        boolean sessionTaken() {
            return repeatOf == null && running == null;
        }
    }

    private Flight timedFlight(String sessionId, String key, String requestId) {
        long asked = System.nanoTime();
        try {
            return flight(sessionId, key, requestId);
        } finally {
            sessionTime.record(System.nanoTime() - asked, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The session's Idempotency-Key (a repeat in this session answers with the first requestId), then the
     * session's single flight.
     */
    private Flight flight(String sessionId, String key, String requestId) {
        if (key != null) {
            Optional<String> first = guard.remember(sessionId, key, requestId, properties.idempotencyTtl());
            if (first.isPresent()) {
                return new Flight(sessionId, null, requestId, first.get(), null);
            }
        }
        try {
            Optional<String> running = guard.acquire(sessionId, requestId, properties.turnLease());
            return new Flight(sessionId, key, requestId, null, running.orElse(null));
        } catch (RuntimeException e) {
            if (key != null) {
                guard.forget(sessionId, key, requestId);
            }
            throw e;
        }
    }

    /** Gives back what the session's gate took for a turn that goes no further. */
    private void undo(Flight flight) {
        try {
            if (flight.sessionTaken()) {
                guard.release(flight.sessionId(), flight.requestId());
            }
            if (flight.key() != null) {
                guard.forget(flight.sessionId(), flight.key(), flight.requestId());
            }
        } catch (RuntimeException e) {
            // the session's lease and the key's TTL end it instead
            log.warn(
                    "Could not give back session {} after refusing turn {}", flight.sessionId(), flight.requestId(), e);
        }
    }

    /**
     * Off the refused client's thread: its answer does not wait for Redis. A client that honours Retry-After
     * (a second at least) comes back after the session is free.
     */
    private void undoLater(Flight flight) {
        beside.execute(() -> undo(flight));
    }

    /** The session gate's result, or its own exception (a Redis failure) as the caller would have seen it inline. */
    private static Flight join(CompletableFuture<Flight> flight) {
        try {
            return flight.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static ChatRequest request(Ticket ticket, Session session, String question) {
        return new ChatRequest(
                ticket.requestId(),
                ticket.sessionId(),
                ticket.tenant(),
                session.candidateId().toString(),
                question,
                ticket.priority(),
                ticket.deadline(),
                ticket.arrived(),
                1);
    }

    /** Tells the workers nobody waits for this turn any more; its worker stops and answers with an error. */
    public void cancel(String sessionId, String requestId, String reason) {
        producer.sendBody(
                CancelTurnRoute.URI, new ChatControl(requestId, sessionId, ChatControl.Action.CANCEL, reason));
    }

    /**
     * The Idempotency-Key, or null without one. Longer than {@code max} is 400 before any gate: a key is stored
     * for a day (protostar.chat.idempotency-ttl), a payload posing as one should not be.
     */
    static String idempotencyKey(String header, int max) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.length() > max) {
            throw ApiProblem.badRequest("Idempotency-Key is longer than " + max + " characters.")
                    .with("maxLength", max);
        }
        return header;
    }

    private String validText(String text) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.badRequest("'text' is required.");
        }
        if (text.length() > properties.maxTextLength()) {
            throw ApiProblem.badRequest("'text' is longer than " + properties.maxTextLength() + " characters.");
        }
        return text.strip();
    }
}
