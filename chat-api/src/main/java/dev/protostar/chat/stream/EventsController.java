package dev.protostar.chat.stream;

import dev.protostar.chat.auth.Caller;
import dev.protostar.chat.limits.StreamPermits;
import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.problem.ProblemWriter;
import dev.protostar.chat.session.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class EventsController {

    private final Sessions sessions;
    private final AnswerHub hub;
    private final ProblemWriter problems;
    private final StreamPermits permits;

    EventsController(Sessions sessions, AnswerHub hub, ProblemWriter problems, StreamPermits permits) {
        this.sessions = sessions;
        this.hub = hub;
        this.problems = problems;
        this.permits = permits;
    }

    /**
     * The session's answers as SSE. {@code id:} is a cursor; send it back as Last-Event-ID (or
     * {@code ?lastEventId=} where a client cannot set headers) to any instance to get exactly what was missed.
     */
    @GetMapping(path = "/api/v1/chat/sessions/{sessionId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(
            @PathVariable String sessionId,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(value = "lastEventId", required = false) String lastEventIdParam,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Caller caller = Caller.of(request);
        sessions.find(caller.tenant(), sessionId)
                .orElseThrow(() -> ApiProblem.notFound("No chat session " + sessionId + " in your tenant."));
        long cursor = LastEventId.parse(lastEventIdHeader, lastEventIdParam);
        return SseEmitters.openUnderPermit(permits, caller.tenant(), response, problems, emitter -> {
            Subscription subscription = hub.subscribe(sessionId, cursor, new SseSink(emitter));
            emitter.onError(e -> subscription.close());
            emitter.onTimeout(subscription::close);
        });
    }
}
