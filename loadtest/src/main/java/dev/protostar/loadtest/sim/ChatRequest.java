package dev.protostar.loadtest.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The part of an OpenAI chat completion request the simulator acts on; the rest ({@code max_tokens},
 * {@code temperature}, tools…) is accepted and ignored.
 *
 * @param promptTokens an approximation: the words in the text of all messages, not a tokenizer's count
 */
record ChatRequest(String model, boolean stream, boolean includeUsage, int promptTokens) {

    /** The model named in answers when the request names none. */
    static final String DEFAULT_MODEL = "protostar-sim";

    /** @throws IllegalArgumentException when the body is not a chat completion request */
    static ChatRequest parse(ObjectMapper json, byte[] body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("We could not parse the JSON body of your request.", e);
        }
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("The request body must be a JSON object.");
        }
        JsonNode messages = request.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("'messages' must be a non-empty array.");
        }
        return new ChatRequest(
                request.path("model").asText(DEFAULT_MODEL),
                request.path("stream").asBoolean(false),
                request.at("/stream_options/include_usage").asBoolean(false),
                words(messages));
    }

    /** Content is a string, or (for multi-part messages) an array of parts of which the text ones count. */
    private static int words(JsonNode messages) {
        int words = 0;
        for (JsonNode message : messages) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                words += Words.count(content.asText());
            }
            if (content.isArray()) {
                for (JsonNode part : content) {
                    words += Words.count(part.path("text").asText(""));
                }
            }
        }
        return words;
    }
}
