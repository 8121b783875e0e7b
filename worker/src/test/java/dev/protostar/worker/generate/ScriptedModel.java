package dev.protostar.worker.generate;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A streaming model that plays a script on its own thread, as a provider's client does, and counts calls. */
final class ScriptedModel implements StreamingChatModel {

    interface Script {
        void play(StreamingChatResponseHandler handler) throws InterruptedException;
    }

    final AtomicInteger calls = new AtomicInteger();
    private volatile Script script;

    ScriptedModel(Script script) {
        this.script = script;
    }

    void then(Script next) {
        this.script = next;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        calls.incrementAndGet();
        Script playing = script;
        Thread.ofVirtual().start(() -> {
            try {
                playing.play(handler);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    static Script failing(Throwable error) {
        return handler -> handler.onError(error);
    }

    /** The first token after {@code ttft}, then one token every {@code gap}. */
    static Script answering(Duration ttft, Duration gap, List<String> tokens) {
        return handler -> {
            Thread.sleep(ttft);
            StreamingHandle handle = new StreamingHandle() {
                private volatile boolean cancelled;

                @Override
                public void cancel() {
                    cancelled = true;
                }

                @Override
                public boolean isCancelled() {
                    return cancelled;
                }
            };
            for (int i = 0; i < tokens.size() && !handle.isCancelled(); i++) {
                if (i > 0) {
                    Thread.sleep(gap);
                }
                handler.onPartialResponse(new PartialResponse(tokens.get(i)), new PartialResponseContext(handle));
            }
            handler.onCompleteResponse(ChatResponse.builder()
                    .aiMessage(AiMessage.from(String.join("", tokens)))
                    .build());
        };
    }
}
