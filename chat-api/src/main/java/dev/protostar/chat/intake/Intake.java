package dev.protostar.chat.intake;

import dev.protostar.chat.ChatApiProperties;
import dev.protostar.chat.auth.Caller;
import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.session.Sessions.Session;
import dev.protostar.kafka.message.ChatControl;
import dev.protostar.kafka.message.ChatRequest;
import dev.protostar.kafka.message.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Admits a question into a session: validates it, honours Idempotency-Key, holds the session for the
 * turn (409 while one runs) and hands it to {@code submit-chat}. Every way in (the contract's messages,
 * the OpenAI-compatible endpoint) goes through here.
 */
@Component
public class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final TurnGuard guard;
    private final ProducerTemplate producer;
    private final ChatApiProperties properties;

    Intake(TurnGuard guard, ProducerTemplate producer, ChatApiProperties properties) {
        this.guard = guard;
        this.producer = producer;
        this.properties = properties;
    }

    /** Returns the turn's requestId (the first one's, for a repeated Idempotency-Key). */
    public String submit(Caller caller, Session session, String text, String idempotencyKey) {
        String question = validText(text);
        String sessionId = session.sessionId().toString();
        String requestId = UUID.randomUUID().toString();
        boolean keyed = idempotencyKey != null && !idempotencyKey.isBlank();
        if (keyed) {
            Optional<String> first =
                    guard.remember(caller.tenant(), idempotencyKey, requestId, properties.idempotencyTtl());
            if (first.isPresent()) {
                return first.get();
            }
        }
        Optional<String> running = guard.acquire(sessionId, requestId, properties.turnLease());
        if (running.isPresent()) {
            if (keyed) {
                guard.forget(caller.tenant(), idempotencyKey, requestId);
            }
            throw ApiProblem.conflict(
                            "turn-running", "A turn of this session is still running; wait for its 'done' event.")
                    .with("runningRequestId", running.get());
        }
        Instant now = Instant.now();
        ChatRequest request = new ChatRequest(
                requestId,
                sessionId,
                caller.tenant(),
                session.candidateId().toString(),
                question,
                Priority.INTERACTIVE,
                now.plus(properties.deadline()),
                now,
                1);
        try {
            producer.requestBody(SubmitChatRoute.URI, request);
        } catch (RuntimeException e) {
            log.warn("Could not hand turn {} to Kafka", requestId, e);
            guard.release(sessionId, requestId);
            if (keyed) {
                guard.forget(caller.tenant(), idempotencyKey, requestId);
            }
            throw ApiProblem.unavailable(
                            "intake-unavailable", "The message queue did not accept the turn.", Duration.ofSeconds(5))
                    .with("gate", "intake");
        }
        return requestId;
    }

    /** Tells the workers nobody waits for this turn any more; its worker stops and answers with an error. */
    public void cancel(String sessionId, String requestId, String reason) {
        producer.sendBody(
                CancelTurnRoute.URI, new ChatControl(requestId, sessionId, ChatControl.Action.CANCEL, reason));
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
