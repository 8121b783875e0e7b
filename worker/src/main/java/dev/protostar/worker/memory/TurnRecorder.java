package dev.protostar.worker.memory;

import dev.protostar.kafka.message.ChatEvent;
import dev.protostar.kafka.message.ChatRequest;
import dev.protostar.kafka.message.MemoryUpdate;
import java.util.List;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Records an answered turn durably, then asks for the session's memory to be folded (asynchronously). */
@Component
public class TurnRecorder {

    private final SessionMemories memories;
    private final ProducerTemplate producer;

    TurnRecorder(SessionMemories memories, ProducerTemplate producer) {
        this.memories = memories;
        this.producer = producer;
    }

    public void record(ChatRequest request, String answer, List<ChatEvent.Citation> citations, ChatEvent.Done done) {
        int seq = memories.record(
                UUID.fromString(request.requestId()),
                UUID.fromString(request.sessionId()),
                request.text(),
                answer,
                done.refused(),
                citations,
                done.usage(),
                done.timings());
        producer.sendBody(PublishMemoryRoute.URI, new MemoryUpdate(request.sessionId(), request.requestId(), seq));
    }
}
