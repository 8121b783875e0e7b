package dev.protostar.loadtest.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * The OpenAI JSON of one answer: {@code chat.completion.chunk} objects when streamed, one
 * {@code chat.completion} when not. All pieces share the id, creation time and model, as OpenAI's do.
 * When the client asked for usage ({@code stream_options.include_usage}) every chunk carries
 * {@code "usage": null} and the extra last chunk carries the numbers with empty {@code choices}.
 */
final class CompletionJson {

    private final ObjectMapper json;
    private final String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    private final long created = System.currentTimeMillis() / 1000;
    private final String model;
    private final boolean usageInChunks;
    private final int promptTokens;
    private final int completionTokens;

    CompletionJson(ObjectMapper json, ChatRequest request, int completionTokens) {
        this.json = json;
        this.model = request.model();
        this.usageInChunks = request.stream() && request.includeUsage();
        this.promptTokens = request.promptTokens();
        this.completionTokens = completionTokens;
    }

    /** The first content chunk also names the role, as OpenAI's first delta does. */
    ObjectNode contentChunk(String content, boolean first) {
        ObjectNode delta = json.createObjectNode();
        if (first) {
            delta.put("role", "assistant");
        }
        delta.put("content", content);
        return chunk(delta, null);
    }

    ObjectNode finishChunk() {
        return chunk(json.createObjectNode(), "stop");
    }

    ObjectNode usageChunk() {
        ObjectNode chunk = head("chat.completion.chunk");
        chunk.putArray("choices");
        chunk.set("usage", usage());
        return chunk;
    }

    ObjectNode completion(String text) {
        ObjectNode completion = head("chat.completion");
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", "stop");
        completion.set("usage", usage());
        return completion;
    }

    private ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = head("chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        if (usageInChunks) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    private ObjectNode head(String object) {
        return json.createObjectNode()
                .put("id", id)
                .put("object", object)
                .put("created", created)
                .put("model", model);
    }

    private ObjectNode usage() {
        return json.createObjectNode()
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }
}
