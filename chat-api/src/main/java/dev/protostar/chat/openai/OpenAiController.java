package dev.protostar.chat.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protostar.chat.ChatApiProperties;
import dev.protostar.chat.auth.Caller;
import dev.protostar.chat.candidate.Candidates;
import dev.protostar.chat.dam.Classifier;
import dev.protostar.chat.intake.Intake;
import dev.protostar.chat.limits.CanonicalIds;
import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.session.Sessions;
import dev.protostar.chat.session.Sessions.Session;
import dev.protostar.chat.stream.AnswerHub;
import dev.protostar.chat.stream.Subscription;
import dev.protostar.kafka.message.ChatEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The OpenAI-compatible door: model {@code protostar/{candidateId}}, the last user message is the
 * question. Memory lives on the server, per session: send {@code X-Protostar-Session} (returned by every
 * reply) to continue a conversation; without it each call starts a new one. Earlier messages in the
 * request are not replayed into the session.
 */
@RestController
class OpenAiController {

    static final String SESSION_HEADER = "X-Protostar-Session";
    private static final String MODEL_PREFIX = "protostar/";

    private final Candidates candidates;
    private final Sessions sessions;
    private final Intake intake;
    private final AnswerHub hub;
    private final ObjectMapper json;
    private final ChatApiProperties properties;

    OpenAiController(
            Candidates candidates,
            Sessions sessions,
            Intake intake,
            AnswerHub hub,
            ObjectMapper json,
            ChatApiProperties properties) {
        this.candidates = candidates;
        this.sessions = sessions;
        this.intake = intake;
        this.hub = hub;
        this.json = json;
        this.properties = properties;
    }

    @GetMapping("/v1/models")
    Map<String, Object> models(HttpServletRequest request) {
        Caller caller = Caller.of(request);
        List<Map<String, Object>> models = candidates.list(caller.tenant()).stream()
                .map(c -> Map.<String, Object>of(
                        "id", MODEL_PREFIX + c.candidateId(),
                        "object", "model",
                        "created", c.createdAt().getEpochSecond(),
                        "owned_by", caller.tenant(),
                        "name", c.name()))
                .toList();
        return Map.of("object", "list", "data", models);
    }

    @PostMapping("/v1/chat/completions")
    Object complete(
            @RequestBody JsonNode body,
            @RequestHeader(value = SESSION_HEADER, required = false) String sessionId,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest request)
            throws Exception {
        Caller caller = Caller.of(request);
        String model = body.path("model").asText("");
        Session session = session(caller, candidateOf(caller, model), sessionId);
        String question = lastUserMessage(body);
        // Subscribed before the turn is submitted, so not even its first event can be missed.
        PendingSink sink = new PendingSink();
        Subscription subscription = hub.subscribe(session.sessionId().toString(), -1, sink);
        String requestId = submit(caller, session, question, idempotencyKey, request, subscription, sink);
        if (body.path("stream").asBoolean(false)) {
            SseEmitter emitter = new SseEmitter(0L);
            String turn = requestId;
            String sid = session.sessionId().toString();
            sink.attach(new OpenAiStream(
                    turn,
                    new OpenAiChunks(turn, model),
                    emitter,
                    json,
                    () -> intake.cancel(sid, turn, "the client disconnected")));
            emitter.onError(e -> subscription.close());
            return ResponseEntity.ok()
                    .header(SESSION_HEADER, session.sessionId().toString())
                    .body(emitter);
        }
        AnswerCollector collector = new AnswerCollector(requestId);
        sink.attach(collector);
        try {
            AnswerCollector.Answer answer =
                    collector.answer.get(properties.deadline().toMillis(), TimeUnit.MILLISECONDS);
            if (answer.end() instanceof ChatEvent.Error error) {
                return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                        .header(SESSION_HEADER, session.sessionId().toString())
                        .body(OpenAiChunks.error(error));
            }
            return ResponseEntity.ok()
                    .header(SESSION_HEADER, session.sessionId().toString())
                    .body(new OpenAiChunks(requestId, model).completion(answer.text(), (ChatEvent.Done) answer.end()));
        } catch (TimeoutException | ExecutionException e) {
            throw ApiProblem.unavailable("answer-timeout", "No answer before the deadline.", Duration.ofSeconds(5));
        } finally {
            subscription.close();
        }
    }

    private String submit(
            Caller caller,
            Session session,
            String question,
            String key,
            HttpServletRequest request,
            Subscription subscription,
            PendingSink sink) {
        try {
            return intake.submit(
                            caller,
                            session,
                            question,
                            key,
                            request.getHeader(Classifier.PRIORITY_HEADER),
                            request.getHeader(Classifier.TIMEOUT_HEADER))
                    .requestId();
        } catch (RuntimeException e) {
            sink.attach(PendingSink.DISCARD);
            subscription.close();
            throw e;
        }
    }

    private UUID candidateOf(Caller caller, String model) {
        if (!model.startsWith(MODEL_PREFIX)) {
            throw ApiProblem.badRequest("'model' must be protostar/{candidateId}; GET /v1/models lists them.");
        }
        String candidateId = model.substring(MODEL_PREFIX.length());
        if (!CanonicalIds.isCanonical(candidateId)) {
            throw ApiProblem.badRequest("'model' must be protostar/{candidateId}; GET /v1/models lists them.");
        }
        return candidates
                .find(caller.tenant(), UUID.fromString(candidateId))
                .orElseThrow(() -> ApiProblem.notFound("No model " + model + " for your key."))
                .candidateId();
    }

    private Session session(Caller caller, UUID candidateId, String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            UUID created = sessions.create(caller.tenant(), candidateId);
            return new Session(created, caller.tenant(), candidateId);
        }
        CanonicalIds.parse(SESSION_HEADER, sessionId);
        Session session = sessions.find(caller.tenant(), sessionId)
                .orElseThrow(() -> ApiProblem.notFound("No chat session " + sessionId + " in your tenant."));
        if (!session.candidateId().equals(candidateId)) {
            throw ApiProblem.badRequest("Session " + sessionId + " is about another candidate than the model.");
        }
        return session;
    }

    private static String lastUserMessage(JsonNode body) {
        JsonNode messages = body.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).path("role").asText())) {
                return messages.get(i).path("content").asText(null);
            }
        }
        throw ApiProblem.badRequest("'messages' needs at least one message with role 'user'.");
    }
}
