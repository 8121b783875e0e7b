package dev.protostar.worker.generate;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import dev.protostar.search.tokens.TokenCounter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams from an OpenAI-compatible model through langchain4j. Waits token by token: a stream silent
 * for longer than the stall timeout is abandoned, and a cancelled turn stops the stream at its next token.
 */
final class LlmGenerator implements Generator {

    /** How often the waiting thread looks at cancellation and silence. */
    private static final long CHECK_MILLIS = 100;

    private final StreamingChatModel model;
    private final Duration stallTimeout;

    LlmGenerator(StreamingChatModel model, Duration stallTimeout) {
        this.model = model;
        this.stallTimeout = stallTimeout;
    }

    @Override
    public Generation generate(Prompt prompt, TokenSink sink) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicLong lastSignal = new AtomicLong(System.nanoTime());
        StringBuilder answer = new StringBuilder();
        model.chat(
                List.of(SystemMessage.from(prompt.system()), UserMessage.from(prompt.question())),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                        lastSignal.set(System.nanoTime());
                        if (sink.cancelled() || done.isDone()) {
                            context.streamingHandle().cancel();
                            return;
                        }
                        answer.append(partial.text());
                        sink.token(partial.text());
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        done.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }
                });
        ChatResponse response = await(done, lastSignal, sink);
        TokenUsage usage = response.tokenUsage();
        int input = usage != null && usage.inputTokenCount() != null
                ? usage.inputTokenCount()
                : TokenCounter.count(prompt.system() + prompt.question());
        int output = usage != null && usage.outputTokenCount() != null
                ? usage.outputTokenCount()
                : TokenCounter.count(answer.toString());
        return new Generation(input, output, false);
    }

    private ChatResponse await(CompletableFuture<ChatResponse> done, AtomicLong lastSignal, TokenSink sink) {
        while (true) {
            try {
                return done.get(CHECK_MILLIS, TimeUnit.MILLISECONDS);
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
                throw new GenerationException(
                        "llm_error",
                        "The language model failed: " + e.getCause().getMessage(),
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GenerationException("cancelled", "The worker is shutting down.", e);
            }
        }
    }
}
