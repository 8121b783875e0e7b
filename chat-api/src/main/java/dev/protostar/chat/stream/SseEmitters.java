package dev.protostar.chat.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
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
}
