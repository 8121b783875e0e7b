package dev.protostar.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protostar.chat.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class BodyLimitFilterTest {

    private static final String MESSAGES = "/api/v1/chat/sessions/3f1c2a4e-8d7b-4c6a-9e5f-1a2b3c4d5e6f/messages";

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final BodyLimitFilter filter = new BodyLimitFilter(
            TestLimits.with(new LimitProperties.Bodies(
                    DataSize.ofBytes(100),
                    DataSize.ofBytes(200),
                    DataSize.ofBytes(50),
                    DataSize.ofBytes(60),
                    DataSize.ofBytes(10))),
            new MultipartConfigElement("", 1000, 1100, 0),
            new ProblemWriter(json));
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final AtomicReference<String> parsed = new AtomicReference<>();

    /** Reads the body as the JSON converter would: all of it. */
    private final FilterChain readsTheBody = (request, response) ->
            parsed.set(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

    @Test
    void refuses_a_declared_length_past_the_cap_with_413_without_reading_it() throws Exception {
        MockHttpServletRequest request = post(MESSAGES, body(101));
        FilterChain never = (req, res) -> parsed.set("called");

        filter.doFilter(request, response, never);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(problem().path("type").asText()).isEqualTo("urn:protostar:problem:body-too-large");
        assertThat(problem().path("maxBytes").asLong()).isEqualTo(100);
        assertThat(parsed.get()).isNull();
    }

    @Test
    void an_encoded_spelling_of_the_path_meets_the_same_cap() throws Exception {
        MockHttpServletRequest request = post(MESSAGES.replaceFirst("/api/", "/%61pi/"), body(101));
        FilterChain never = (req, res) -> parsed.set("called");

        filter.doFilter(request, response, never);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(problem().path("maxBytes").asLong()).isEqualTo(100);
        assertThat(parsed.get()).isNull();
    }

    @Test
    void refuses_a_chunked_body_past_the_cap_with_413() throws Exception {
        MockHttpServletRequest request = chunked(post(MESSAGES, body(101)));

        filter.doFilter(request, response, readsTheBody);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(problem().path("detail").asText()).contains("100 bytes");
        assertThat(parsed.get()).isNull();
    }

    @Test
    void passes_a_chunked_body_of_exactly_the_cap_whole() throws Exception {
        String body = body(100);

        filter.doFilter(chunked(post(MESSAGES, body)), response, readsTheBody);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(parsed.get()).isEqualTo(body);
    }

    @Test
    void caps_each_endpoint_by_its_own_number() throws Exception {
        assertThat(statusOf(post("/api/v1/chat/sessions", body(51)))).isEqualTo(413);
        assertThat(statusOf(post("/api/v1/candidates", body(60)))).isEqualTo(200);
        assertThat(statusOf(post("/api/v1/candidates", body(61)))).isEqualTo(413);
        assertThat(statusOf(post("/v1/chat/completions", body(200)))).isEqualTo(200);
        assertThat(statusOf(post("/v1/chat/completions", body(201)))).isEqualTo(413);
        assertThat(statusOf(post("/api/v1/keys", body(11)))).isEqualTo(413);
    }

    @Test
    void answers_in_openai_shape_under_v1() throws Exception {
        filter.doFilter(chunked(post("/v1/chat/completions", body(201))), response, readsTheBody);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/json");
        JsonNode error = json.readTree(response.getContentAsString()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("body-too-large");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asText()).contains("200 bytes");
    }

    @Test
    void refuses_an_upload_declaring_more_than_the_multipart_limit_as_file_too_large() throws Exception {
        MockHttpServletRequest declared =
                new MockHttpServletRequest(
                        "POST", "/api/v1/candidates/3f1c2a4e-8d7b-4c6a-9e5f-1a2b3c4d5e6f/documents") {
                    @Override
                    public long getContentLengthLong() {
                        return 1101;
                    }
                };

        filter.doFilter(declared, response, readsTheBody);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(problem().path("type").asText()).isEqualTo("urn:protostar:problem:file-too-large");
        assertThat(problem().path("maxFileSizeBytes").asLong()).isEqualTo(1000);
    }

    @Test
    void leaves_an_upload_within_the_multipart_limit_to_the_multipart_parser() throws Exception {
        MockHttpServletRequest upload =
                post("/api/v1/candidates/3f1c2a4e-8d7b-4c6a-9e5f-1a2b3c4d5e6f/documents", body(1050));
        AtomicReference<ServletRequest> seen = new AtomicReference<>();

        filter.doFilter(upload, response, (req, res) -> seen.set(req));

        assertThat(seen.get()).isSameAs(upload);
    }

    @Test
    void does_not_touch_requests_outside_the_api() throws Exception {
        MockHttpServletRequest page = post("/index.html", body(500));

        filter.doFilter(page, response, readsTheBody);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(parsed.get()).hasSize(500);
    }

    private int statusOf(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse answer = new MockHttpServletResponse();
        filter.doFilter(chunked(request), answer, readsTheBody);
        return answer.getStatus();
    }

    private JsonNode problem() throws Exception {
        return json.readTree(response.getContentAsString());
    }

    private static MockHttpServletRequest post(String path, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** As a body sent with Transfer-Encoding: chunked, whose length nobody knows before reading it. */
    private static MockHttpServletRequest chunked(MockHttpServletRequest request) {
        MockHttpServletRequest chunked = new MockHttpServletRequest(request.getMethod(), request.getRequestURI()) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        chunked.setContentType(request.getContentType());
        chunked.setContent(request.getContentAsByteArray());
        return chunked;
    }

    private static String body(int bytes) {
        return "x".repeat(bytes);
    }
}
