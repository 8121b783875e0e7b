package dev.protostar.chat.openai;

import dev.protostar.kafka.message.ChatEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAI wire shapes of an answer: stream chunks, a whole completion, usage, errors. */
final class OpenAiChunks {

    private final String id;
    private final String model;
    private final long created = System.currentTimeMillis() / 1000;

    OpenAiChunks(String requestId, String model) {
        this.id = "chatcmpl-" + requestId;
        this.model = model;
    }

    /** The first chunk, as OpenAI's: who speaks, no text yet. */
    Map<String, Object> role() {
        return chunk(Map.of("role", "assistant", "content", ""), null);
    }

    Map<String, Object> delta(String text) {
        return chunk(Map.of("content", text), null);
    }

    Map<String, Object> finish() {
        return chunk(Map.of(), "stop");
    }

    /** Sent last when the client asked for it ({@code stream_options.include_usage}): usage and no choice. */
    Map<String, Object> usageChunk(ChatEvent.Done done) {
        Map<String, Object> chunk = base("chat.completion.chunk");
        chunk.put("choices", List.of());
        chunk.put("usage", usage(done));
        return chunk;
    }

    Map<String, Object> completion(String text, ChatEvent.Done done) {
        Map<String, Object> completion = base("chat.completion");
        completion.put(
                "choices",
                List.of(Map.of(
                        "index", 0, "message", Map.of("role", "assistant", "content", text), "finish_reason", "stop")));
        completion.put("usage", usage(done));
        return completion;
    }

    static Map<String, Object> error(ChatEvent.Error error) {
        return Map.of("error", Map.of("message", error.message(), "type", "server_error", "code", error.code()));
    }

    private Map<String, Object> chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> chunk = base("chat.completion.chunk");
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        chunk.put("choices", List.of(choice));
        return chunk;
    }

    private Map<String, Object> base(String object) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("object", object);
        node.put("created", created);
        node.put("model", model);
        return node;
    }

    private static Map<String, Object> usage(ChatEvent.Done done) {
        int input = done.usage().inputTokens();
        int output = done.usage().outputTokens();
        return Map.of("prompt_tokens", input, "completion_tokens", output, "total_tokens", input + output);
    }
}
