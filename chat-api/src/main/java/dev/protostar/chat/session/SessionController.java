package dev.protostar.chat.session;

import dev.protostar.chat.auth.Caller;
import dev.protostar.chat.candidate.Candidates;
import dev.protostar.chat.limits.CanonicalIds;
import dev.protostar.chat.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SessionController {

    private final Sessions sessions;
    private final Candidates candidates;

    SessionController(Sessions sessions, Candidates candidates) {
        this.sessions = sessions;
        this.candidates = candidates;
    }

    @PostMapping("/api/v1/chat/sessions")
    ResponseEntity<NewSession> create(@RequestBody SessionRequest body, HttpServletRequest request) {
        Caller caller = Caller.of(request);
        UUID candidateId = parse(body == null ? null : body.candidateId());
        candidates
                .find(caller.tenant(), candidateId)
                .orElseThrow(() -> ApiProblem.notFound("No candidate " + candidateId + " in your tenant."));
        UUID sessionId = sessions.create(caller.tenant(), candidateId);
        return ResponseEntity.created(URI.create("/api/v1/chat/sessions/" + sessionId))
                .body(new NewSession(sessionId.toString(), candidateId.toString()));
    }

    private static UUID parse(String candidateId) {
        if (candidateId == null) {
            throw ApiProblem.badRequest("'candidateId' is required.");
        }
        return CanonicalIds.parse("candidateId", candidateId);
    }

    record SessionRequest(String candidateId) {}

    record NewSession(String sessionId, String candidateId) {}
}
