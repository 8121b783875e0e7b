package dev.protostar.chat.stream;

import dev.protostar.kafka.message.ChatEvent;
import java.io.IOException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The contract's SSE: {@code id:} the cursor, {@code event:} the event name, {@code data:} the JSON. */
record SseSink(SseEmitter emitter) implements EventSink {

    @Override
    public boolean send(long id, ChatEvent event, String json) throws IOException {
        emitter.send(SseEmitter.event().id(Long.toString(id)).name(event.name()).data(json));
        return true;
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
