package dev.protostar.chat.ingestion;

import java.io.IOException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code event:} the stage, {@code id:} the offset (none for the row's state), {@code data:} the JSON. */
record SseProgressSink(SseEmitter emitter) implements ProgressSink {

    @Override
    public void send(Progress progress) throws IOException {
        SseEmitter.SseEventBuilder event =
                SseEmitter.event().name(progress.event().stage()).data(progress.json());
        if (progress.offset() != Progress.NO_OFFSET) {
            event.id(Long.toString(progress.offset()));
        }
        emitter.send(event);
    }

    @Override
    public void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("keep-alive"));
    }

    @Override
    public void close() {
        emitter.complete();
    }
}
