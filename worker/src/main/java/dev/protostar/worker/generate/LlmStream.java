package dev.protostar.worker.generate;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One running answer stream: tokens go to the sink as they arrive; the caller waits first for the first
 * token (inside the circuit breaker), then for the end (outside it). Either wait gives up after the stall
 * timeout of silence, and a cancelled turn stops the stream at its next token.
 */
final class LlmStream {

    /** How often the waiting thread looks at cancellation and silence. */
    private static final long CHECK_MILLIS = 100;

    private final TokenSink sink;
    private final Duration stallTimeout;
    private final CompletableFuture<Void> first = new CompletableFuture<>();
    private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    private final AtomicLong lastSignal = new AtomicLong(System.nanoTime());
    private final StringBuilder text = new StringBuilder();

    private LlmStream(TokenSink sink, Duration stallTimeout) {
        this.sink = sink;
        this.stallTimeout = stallTimeout;
    }

    /** Sends the prompt; returns at once, the answer streams on the model's thread. */
    static LlmStream start(StreamingChatModel model, Prompt prompt, TokenSink sink, Duration stallTimeout) {
        LlmStream stream = new LlmStream(sink, stallTimeout);
        model.chat(List.of(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())), stream.handler());
        return stream;
    }

    private StreamingChatResponseHandler handler() {
        return new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                lastSignal.set(System.nanoTime());
                if (sink.cancelled() || done.isDone()) {
                    context.streamingHandle().cancel();
                    return;
                }
                text.append(partial.text());
                sink.token(partial.text());
                first.complete(null);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                first.complete(null);
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                first.completeExceptionally(error);
                done.completeExceptionally(error);
            }
        };
    }

    /** Returns once the first token has been handed to the sink (or the answer ended without one). */
    void awaitFirstToken() {
        await(first);
    }

    ChatResponse awaitEnd() {
        return await(done);
    }

    /** The answer so far; complete once {@link #awaitEnd} returned. */
    String text() {
        return text.toString();
    }

    private <T> T await(CompletableFuture<T> future) {
        while (true) {
            try {
                return future.get(CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (sink.cancelled()) {
                    done.cancel(false);
                    throw new GenerationException("cancelled", "The turn was cancelled.", null);
                }
                if (System.nanoTime() - lastSignal.get() > stallTimeout.toNanos()) {
                    done.cancel(false);
                    throw new GenerationException(
                            "llm_stalled",
                            "The language model sent nothing for " + stallTimeout.toSeconds() + " s.",
                            null);
                }
            } catch (ExecutionException e) {
                throw ProviderErrors.classify(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.cancel(false);
                throw new GenerationException("cancelled", "The worker is shutting down.", e);
            }
        }
    }
}
