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
    private final PromptAssembler assembler;

    LlmGenerator(StreamingChatModel model, Duration stallTimeout, PromptAssembler assembler) {
        this.model = model;
        this.stallTimeout = stallTimeout;
        this.assembler = assembler;
    }

    static final String RULES =
            """
            You answer a recruiter's questions about one job candidate, using only the numbered excerpts of the \
            candidate's own documents that come with the question.
            - State only what the excerpts say. Never use outside knowledge and never guess.
            - Cite the excerpt of every statement with its number in brackets, like [1] or [2][3].
            - Copy numbers, dates and names exactly as the excerpts write them.
            - If the excerpts do not answer the question, or a part of it, say plainly that the documents do not \
            say, for that part.
            - Answer briefly, in the language of the question.
            - The conversation so far tells you what the recruiter refers to; it is not a source of facts.""";

    @Override
    public Generation generate(Ask ask, TokenSink sink) {
        Prompt prompt = assembler.assemble(RULES, ask);
        String system = prompt.system();
        String user = prompt.user();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicLong lastSignal = new AtomicLong(System.nanoTime());
        StringBuilder answer = new StringBuilder();
        model.chat(List.of(SystemMessage.from(system), UserMessage.from(user)), new StreamingChatResponseHandler() {
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
        // The provider's own count when it reports one (it is what is billed), else ours of what was sent.
        int input = usage != null && usage.inputTokenCount() != null ? usage.inputTokenCount() : prompt.inputTokens();
        int output = usage != null && usage.outputTokenCount() != null
                ? usage.outputTokenCount()
                : TokenCounter.count(answer.toString());
        return new Generation(answer.toString(), input, output, prompt.historyTokens());
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
