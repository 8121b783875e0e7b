package dev.protostar.chat.stream;

import dev.protostar.chat.limits.StreamPermits;
import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** SSE responses as every stream of the API opens them. */
public final class SseEmitters {

    /** Clients reconnect after this long; also what makes the response's headers leave at once. */
    private static final long RETRY_MILLIS = 2000;

    private SseEmitters() {}

    /**
     * A stream without timeout whose headers go out now, with a {@code retry:} line: without a first write
     * a client (EventSource's {@code open}, any HTTP client waiting for headers) would wait for the first
     * event or heartbeat.
     */
    public static SseEmitter open() {
        SseEmitter emitter = new SseEmitter(0L);
        try {
            emitter.send(SseEmitter.event().reconnectTime(RETRY_MILLIS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return emitter;
    }

    /**
     * A stream for {@code tenant} under one of its stream permits, which the stream gives back when it ends (or at
     * once if {@code subscribe} fails). A refusal — the tenant's streams all open, or {@code subscribe}'s own — is
     * written to {@code response} as problem JSON and the result is null: the client asked for an event stream,
     * which an error body is not.
     */
    public static SseEmitter openUnderPermit(
            StreamPermits permits,
            String tenant,
            HttpServletResponse response,
            ProblemWriter problems,
            Consumer<SseEmitter> subscribe)
            throws IOException {
        StreamPermits.Permit permit;
        try {
            permit = permits.acquire(tenant);
        } catch (ApiProblem full) {
            problems.write(response, full);
            return null;
        }
        try {
            SseEmitter emitter = open();
            permit.releaseWhenDone(emitter);
            subscribe.accept(emitter);
            return emitter;
        } catch (ApiProblem refused) {
            permit.release(); // a stream that never started: its emitter's callbacks will never run
            problems.write(response, refused);
            return null;
        } catch (RuntimeException e) {
            permit.release();
            throw e;
        }
    }
}
