package dev.protostar.chat.ingestion;

import dev.protostar.chat.DocumentProperties;
import dev.protostar.chat.auth.Caller;
import dev.protostar.chat.candidate.Candidates;
import dev.protostar.chat.ingestion.Ingestions.Ingestion;
import dev.protostar.chat.limits.StreamPermits;
import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.problem.ProblemWriter;
import dev.protostar.chat.stream.LastEventId;
import dev.protostar.chat.stream.SseEmitters;
import dev.protostar.chat.stream.Subscription;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Where files stand: a candidate's recent ingestions (failed ones too), and one ingestion's progress as SSE. */
@RestController
class IngestionController {

    private final Candidates candidates;
    private final Ingestions ingestions;
    private final ProgressHub hub;
    private final DocumentProperties properties;
    private final StreamPermits permits;
    private final ProblemWriter problems;

    IngestionController(
            Candidates candidates,
            Ingestions ingestions,
            ProgressHub hub,
            DocumentProperties properties,
            StreamPermits permits,
            ProblemWriter problems) {
        this.candidates = candidates;
        this.ingestions = ingestions;
        this.hub = hub;
        this.properties = properties;
        this.permits = permits;
        this.problems = problems;
    }

    @GetMapping("/api/v1/candidates/{candidateId}/ingestions")
    List<Ingestion> recent(@PathVariable String candidateId, HttpServletRequest request) {
        var candidate = candidates
                .find(Caller.of(request).tenant(), candidateId)
                .orElseThrow(() -> ApiProblem.notFound("No candidate " + candidateId + " in your tenant."));
        return ingestions.recent(candidate.candidateId(), properties.recentIngestions());
    }

    /**
     * {@code event:} the stage, {@code id:} a cursor (send it back as Last-Event-ID or {@code ?lastEventId=}
     * to resume on any instance), {@code data:} the IngestProgress JSON; the stream ends after
     * {@code stored} or {@code failed}.
     */
    @GetMapping(path = "/api/v1/ingestions/{ingestionId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(
            @PathVariable String ingestionId,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(value = "lastEventId", required = false) String lastEventIdParam,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Caller caller = Caller.of(request);
        Ingestion ingestion = ingestions
                .find(caller.tenant(), ingestionId)
                .orElseThrow(() -> ApiProblem.notFound("No ingestion " + ingestionId + " in your tenant."));
        // no cursor and the one before every event alike: all of the ingestion's progress
        long cursor = Math.max(LastEventId.parse(lastEventIdHeader, lastEventIdParam), LastEventId.BEFORE_ALL);
        return SseEmitters.openUnderPermit(permits, caller.tenant(), response, problems, emitter -> {
            Subscription subscription = hub.subscribe(
                    ingestion.ingestionId().toString(),
                    cursor,
                    new SseProgressSink(emitter),
                    Optional.of(ingestion.progress()));
            emitter.onError(e -> subscription.close());
            emitter.onTimeout(subscription::close);
        });
    }
}
