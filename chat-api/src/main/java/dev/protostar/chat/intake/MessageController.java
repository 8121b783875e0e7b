package dev.protostar.chat.intake;

import dev.protostar.chat.ChatApiProperties;
import dev.protostar.chat.auth.Caller;
import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.session.Sessions;
import dev.protostar.chat.session.Sessions.Session;
import dev.protostar.kafka.message.ChatRequest;
import dev.protostar.kafka.message.Priority;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Intake: validates a question, holds the session for it and hands it to {@code submit-chat}. */
@RestController
class MessageController {

    private static final Logger log = LoggerFactory.getLogger(MessageController.class);

    private final Sessions sessions;
    private final TurnGuard guard;
    private final ProducerTemplate producer;
    private final ChatApiProperties properties;

    MessageController(Sessions sessions, TurnGuard guard, ProducerTemplate producer, ChatApiProperties properties) {
        this.sessions = sessions;
        this.guard = guard;
        this.producer = producer;
        this.properties = properties;
    }

    @PostMapping("/api/v1/chat/sessions/{sessionId}/messages")
    ResponseEntity<Accepted> post(
            @PathVariable String sessionId,
            @RequestBody MessageRequest body,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest http) {
        Caller caller = Caller.of(http);
        Session session = sessions.find(caller.tenant(), sessionId)
                .orElseThrow(() -> ApiProblem.notFound("No chat session " + sessionId + " in your tenant."));
        String text = validText(body);
        String requestId = UUID.randomUUID().toString();
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            Optional<String> first =
                    guard.remember(caller.tenant(), idempotencyKey, requestId, properties.idempotencyTtl());
            if (first.isPresent()) {
                return accepted(sessionId, first.get());
            }
        }
        Optional<String> running = guard.acquire(sessionId, requestId, properties.turnLease());
        if (running.isPresent()) {
            forgetKey(caller, idempotencyKey, requestId);
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
                text,
                Priority.INTERACTIVE,
                now.plus(properties.deadline()),
                now,
                1);
        try {
            producer.requestBody(SubmitChatRoute.URI, request);
        } catch (RuntimeException e) {
            log.warn("Could not hand turn {} to Kafka", requestId, e);
            guard.release(sessionId, requestId);
            forgetKey(caller, idempotencyKey, requestId);
            throw ApiProblem.unavailable(
                            "intake-unavailable", "The message queue did not accept the turn.", Duration.ofSeconds(5))
                    .with("gate", "intake");
        }
        return accepted(sessionId, requestId);
    }

    private String validText(MessageRequest body) {
        String text = body == null ? null : body.text();
        if (text == null || text.isBlank()) {
            throw ApiProblem.badRequest("'text' is required.");
        }
        if (text.length() > properties.maxTextLength()) {
            throw ApiProblem.badRequest("'text' is longer than " + properties.maxTextLength() + " characters.");
        }
        return text.strip();
    }

    private void forgetKey(Caller caller, String idempotencyKey, String requestId) {
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            guard.forget(caller.tenant(), idempotencyKey, requestId);
        }
    }

    private static ResponseEntity<Accepted> accepted(String sessionId, String requestId) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/chat/sessions/" + sessionId + "/events"))
                .body(new Accepted(requestId));
    }

    record MessageRequest(String text) {}

    record Accepted(String requestId) {}
}
