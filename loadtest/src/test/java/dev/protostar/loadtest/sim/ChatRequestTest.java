package dev.protostar.loadtest.sim;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ChatRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reads_model_stream_and_usage_flags_and_ignores_the_rest() {
        ChatRequest request = parse(
                """
                {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},
                 "max_tokens":5,"temperature":0.2,"messages":[{"role":"user","content":"hi"}]}""");

        assertThat(request.model()).isEqualTo("gpt-4o-mini");
        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
    }

    @Test
    void defaults_to_a_whole_answer_without_usage_chunk() {
        ChatRequest request = parse("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(request.model()).isEqualTo(ChatRequest.DEFAULT_MODEL);
        assertThat(request.stream()).isFalse();
        assertThat(request.includeUsage()).isFalse();
    }

    @Test
    void counts_prompt_tokens_as_the_words_of_all_messages_including_text_parts() {
        ChatRequest request = parse(
                """
                {"messages":[
                  {"role":"system","content":"Answer from the documents only."},
                  {"role":"user","content":[{"type":"text","text":"Where did she work?"},
                                            {"type":"image_url","image_url":{"url":"http://x"}}]},
                  {"role":"assistant","content":null}]}""");

        assertThat(request.promptTokens()).isEqualTo(5 + 4);
    }

    @Test
    void rejects_what_is_not_a_chat_request() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("not json"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("[]"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("{\"model\":\"m\"}"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("{\"messages\":[]}"));
    }

    private static ChatRequest parse(String body) {
        return ChatRequest.parse(JSON, body.getBytes(UTF_8));
    }
}
