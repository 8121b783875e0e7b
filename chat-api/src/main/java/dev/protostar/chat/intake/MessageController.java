package dev.protostar.chat.intake;

import dev.protostar.chat.auth.Caller;
import dev.protostar.chat.dam.Classifier;
import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.problem.ProblemWriter;
import dev.protostar.chat.session.Sessions;
import dev.protostar.chat.session.Sessions.Session;
import dev.protostar.chat.stream.AnswerHub;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/chat/sessions/{sid}/messages}: 202 with the requestId and the event id the turn starts after;
 * the answer comes as SSE.
 */
@RestController
class MessageController {

    private final Sessions sessions;
    private final Intake intake;
    private final ProblemWriter problems;
    private final AnswerHub hub;

    MessageController(Sessions sessions, Intake intake, ProblemWriter problems, AnswerHub hub) {
        this.sessions = sessions;
        this.intake = intake;
        this.problems = problems;
        this.hub = hub;
    }

    @PostMapping("/api/v1/chat/sessions/{sessionId}/messages")
    ResponseEntity<Accepted> post(
            @PathVariable String sessionId,
            @RequestBody MessageRequest body,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(value = Classifier.PRIORITY_HEADER, required = false) String priority,
            @RequestHeader(value = Classifier.TIMEOUT_HEADER, required = false) String timeout,
            HttpServletRequest http,
            HttpServletResponse response)
            throws IOException {
        Caller caller = Caller.of(http);
        Session session = sessions.find(caller.tenant(), sessionId)
                .orElseThrow(() -> ApiProblem.notFound("No chat session " + sessionId + " in your tenant."));
        // read before the turn is sent: every event of the turn comes after it
        long startsAfter = hub.cursor(session.sessionId().toString());
        Intake.Submitted turn;
        try {
            turn = intake.submit(caller, session, body == null ? null : body.text(), idempotencyKey, priority, timeout);
        } catch (ApiProblem refused) {
            // under overload most turns end here: answered directly, not through Spring's exception resolution
            problems.write(response, refused);
            return null;
        }
        ResponseEntity.BodyBuilder accepted = ResponseEntity.accepted();
        turn.headers().forEach(accepted::header);
        return accepted.location(URI.create("/api/v1/chat/sessions/" + sessionId + "/events"))
                .body(new Accepted(turn.requestId(), Long.toString(startsAfter)));
    }

    record MessageRequest(String text) {}

    /**
     * @param lastEventId the event id the turn starts after: a client that connects to the session's events with it
     *     as {@code Last-Event-ID}, even after the turn has ended, gets the whole turn
     */
    record Accepted(String requestId, String lastEventId) {}
}
