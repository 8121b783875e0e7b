package dev.protostar.worker.generate;

import dev.langchain4j.model.chat.StreamingChatModel;
import java.time.Duration;

/**
 * What the circuit breaker judges: opening a stream and waiting for its first token. The rest of the
 * stream is read outside the breaker, so a long answer is never cut by it and the breaker measures time to
 * first token, not answer length.
 */
record LlmCall(StreamingChatModel model, Prompt prompt, TokenSink sink, Duration stallTimeout) {

    LlmStream open() {
        LlmStream stream = LlmStream.start(model, prompt, sink, stallTimeout);
        stream.awaitFirstToken();
        return stream;
    }
}
