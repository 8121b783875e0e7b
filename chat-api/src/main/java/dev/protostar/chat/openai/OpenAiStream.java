package dev.protostar.chat.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protostar.chat.stream.EventSink;
import dev.protostar.kafka.message.ChatEvent;
import java.io.IOException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One request's answer as OpenAI stream chunks — the first with {@code role: assistant}, the usage last and only when
 * asked for — ending with {@code data: [DONE]}. OpenAI streams cannot
 * take text back, so if the answer restarts after text was sent (a worker died), the stream ends with
 * an error and the client retries; a restart before any text is invisible. A client that goes away
 * mid-answer cancels the turn, so the model stops generating for nobody.
 */
final class OpenAiStream implements EventSink {

    private final String requestId;
    private final OpenAiChunks chunks;
    private final SseEmitter emitter;
    private final ObjectMapper json;
    private final boolean includeUsage;
    private final Runnable abandoned;
    private boolean sentRole;
    private boolean sentText;
    private volatile boolean ended;

    /**
     * @param includeUsage whether the client asked for a last chunk with the usage ({@code stream_options})
     * @param abandoned runs if the stream closes before the answer ended: the client went away
     */
    OpenAiStream(
            String requestId,
            OpenAiChunks chunks,
            SseEmitter emitter,
            ObjectMapper json,
            boolean includeUsage,
            Runnable abandoned) {
        this.requestId = requestId;
        this.chunks = chunks;
        this.emitter = emitter;
        this.json = json;
        this.includeUsage = includeUsage;
        this.abandoned = abandoned;
    }

    @Override
    public boolean send(long id, ChatEvent event, String wire) throws IOException {
        if (!event.requestId().equals(requestId)) {
            return true;
        }
        return switch (event) {
            case ChatEvent.Delta delta -> {
                role();
                sentText = true;
                data(chunks.delta(delta.text()));
                yield true;
            }
            case ChatEvent.Done done -> {
                role();
                data(chunks.finish());
                yield end(includeUsage ? chunks.usageChunk(done) : null);
            }
            case ChatEvent.Error error -> end(OpenAiChunks.error(error));
            case ChatEvent.Reset reset
            when sentText ->
                end(OpenAiChunks.error(new ChatEvent.Error(
                        requestId,
                        reset.seq(),
                        "restarted",
                        "The answer was restarted (a worker failed, or a statement was corrected); ask again.")));
            default -> true;
        };
    }

    /** The first chunk says who speaks, as OpenAI's streams do. */
    private void role() throws IOException {
        if (!sentRole) {
            sentRole = true;
            data(chunks.role());
        }
    }

    private boolean end(Object last) throws IOException {
        ended = true;
        if (last != null) {
            data(last);
        }
        emitter.send(SseEmitter.event().data("[DONE]"));
        return false;
    }

    private void data(Object payload) throws IOException {
        emitter.send(SseEmitter.event().data(json.writeValueAsString(payload)));
    }

    /** OpenAI streams carry SSE comments too; a write is also how a vanished client is noticed. */
    @Override
    public void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("keep-alive"));
    }

    @Override
    public void close() {
        if (!ended) {
            abandoned.run();
        }
        emitter.complete();
    }
}
