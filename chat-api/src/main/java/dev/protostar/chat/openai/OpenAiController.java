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
import dev.protostar.chat.stream.LastEventId;
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
import org.springframework.web.bind.annotation.PathVariable;
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
                .map(c -> model(c, caller))
                .toList();
        return Map.of("object", "list", "data", models);
    }

    private static Map<String, Object> model(Candidates.Candidate c, Caller caller) {
        return Map.of(
                "id", MODEL_PREFIX + c.candidateId(),
                "object", "model",
                "created", c.createdAt().getEpochSecond(),
                "owned_by", caller.tenant(),
                "name", c.name());
    }

    /**
     * What this door does not do, refused by name rather than ignored: more than one choice, tools, a response
     * format other than text. The answer is the documents' text, streamed or whole.
     */
    private static void refuseWhatIsNotServed(JsonNode body) {
        if (body.has("n") && !body.path("n").isNull() && body.path("n").asInt(1) != 1) {
            throw ApiProblem.badRequest("'n' must be 1: one answer is given per question.")
                    .with("field", "n");
        }
        if (body.path("tools").size() > 0 || body.path("functions").size() > 0) {
            throw ApiProblem.badRequest("Tools and functions are not supported: answers come from the candidate's"
                            + " documents only.")
                    .with("field", body.has("tools") ? "tools" : "functions");
        }
        String format = body.path("response_format").path("type").asText("text");
        if (!format.equals("text")) {
            throw ApiProblem.badRequest("'response_format' " + format + " is not supported: answers are text.")
                    .with("field", "response_format");
        }
    }

    @GetMapping("/v1/models/protostar/{candidateId}")
    Map<String, Object> model(@PathVariable String candidateId, HttpServletRequest request) {
        Caller caller = Caller.of(request);
        return model(candidateOf(caller, MODEL_PREFIX + candidateId), caller);
    }

    @GetMapping("/v1/models/{id}")
    Map<String, Object> unknownModel(@PathVariable String id) {
        throw ApiProblem.notFound("No model " + id + "; models are protostar/{candidateId}, listed by GET /v1/models.")
                .with("field", "model");
    }

    @PostMapping("/v1/chat/completions")
    Object complete(
            @RequestBody JsonNode body,
            @RequestHeader(value = SESSION_HEADER, required = false) String sessionId,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest request)
            throws Exception {
        Caller caller = Caller.of(request);
        refuseWhatIsNotServed(body);
        String model = body.path("model").asText("");
        Session session = session(caller, candidateOf(caller, model).candidateId(), sessionId);
        String question = lastUserMessage(body);
        // Subscribed before the turn is submitted, so not even its first event can be missed.
        PendingSink sink = new PendingSink();
        Subscription subscription = hub.subscribe(session.sessionId().toString(), LastEventId.NONE, sink);
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
                    body.path("stream_options").path("include_usage").asBoolean(false),
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

    private Candidates.Candidate candidateOf(Caller caller, String model) {
        if (!model.startsWith(MODEL_PREFIX)) {
            throw ApiProblem.badRequest("'model' must be protostar/{candidateId}; GET /v1/models lists them.")
                    .with("field", "model");
        }
        String candidateId = model.substring(MODEL_PREFIX.length());
        if (!CanonicalIds.isCanonical(candidateId)) {
            throw ApiProblem.badRequest("'model' must be protostar/{candidateId}; GET /v1/models lists them.");
        }
        return candidates.find(caller.tenant(), UUID.fromString(candidateId)).orElseThrow(() -> ApiProblem.notFound(
                        "No model " + model + " for your key.")
                .with("field", "model"));
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
                return text(messages.get(i).path("content"));
            }
        }
        throw ApiProblem.badRequest("'messages' needs at least one message with role 'user'.")
                .with("field", "messages");
    }

    /**
     * A message's content: a string, or an array of parts as Open WebUI, LangChain and the SDKs' helpers send
     * ({@code [{"type": "text", "text": "…"}]}), whose text parts are joined; a part of another kind is refused.
     */
    static String text(JsonNode content) {
        if (!content.isArray()) {
            return content.asText(null);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            String type = part.path("type").asText("");
            if (!type.equals("text")) {
                throw ApiProblem.badRequest("Only text content parts are supported; got a part of type '" + type + "'.")
                        .with("field", "messages");
            }
            text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText(""));
        }
        return text.toString();
    }
}
