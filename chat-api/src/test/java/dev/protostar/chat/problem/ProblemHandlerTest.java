package dev.protostar.chat.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

class ProblemHandlerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Endpoints())
            .setControllerAdvice(new ProblemHandler(new MultipartConfigElement("", 1 << 20, (1 << 20) + 1024, 0)))
            .addFilters(new FailsAfterTenBytes())
            .build();

    @Test
    void a_body_cut_off_at_its_cap_while_parsed_is_answered_413_not_400() throws Exception {
        mvc.perform(post("/api/v1/chat/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"candidateId\": \"x\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:protostar:problem:body-too-large"))
                .andExpect(jsonPath("$.maxBytes").value(10));
    }

    @Test
    void a_body_cut_off_at_its_cap_under_v1_is_answered_in_openai_shape() throws Exception {
        mvc.perform(post("/v1/chat/completions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"model\": \"x\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error.code").value("body-too-large"))
                .andExpect(jsonPath("$.error.type").value("invalid_request_error"));
    }

    @Test
    void an_upload_over_the_multipart_limit_is_answered_413_problem_json_naming_the_limit() throws Exception {
        mvc.perform(post("/api/v1/candidates/c/documents"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:protostar:problem:file-too-large"))
                .andExpect(jsonPath("$.detail").value("The file is larger than 1 MB, the limit for one document."))
                .andExpect(jsonPath("$.maxFileSizeBytes").value(1 << 20));
    }

    @Test
    void a_refusal_under_v1_is_in_openai_shape_with_the_field_at_fault_and_elsewhere_problem_json() throws Exception {
        mvc.perform(post("/v1/refused"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error.message").value("No model protostar/x for your key."))
                .andExpect(jsonPath("$.error.type").value("not_found_error"))
                .andExpect(jsonPath("$.error.param").value("model"))
                .andExpect(jsonPath("$.error.code").value("not-found"));
        mvc.perform(post("/api/v1/refused"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:protostar:problem:not-found"));
    }

    @Test
    void springs_own_refusals_under_v1_are_in_openai_shape_too() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v1/chat/completions"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error.type").value("invalid_request_error"))
                .andExpect(jsonPath("$.error.message").isNotEmpty());
    }

    @RestController
    static class Endpoints {

        @PostMapping({"/v1/refused", "/api/v1/refused"})
        void refused() {
            throw ApiProblem.notFound("No model protostar/x for your key.").with("field", "model");
        }

        @PostMapping({"/api/v1/chat/sessions", "/v1/chat/completions"})
        Map<String, Object> parse(@RequestBody Map<String, Object> body) {
            return body;
        }

        @PostMapping("/api/v1/candidates/c/documents")
        void upload() {
            throw new MaxUploadSizeExceededException(1 << 20);
        }
    }

    /** Stands in for the body cap: the read past ten bytes fails as a capped request's does. */
    static class FailsAfterTenBytes extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws jakarta.servlet.ServletException, IOException {
            ServletInputStream body = request.getInputStream();
            ServletInputStream capped = new ServletInputStream() {
                private int read;

                @Override
                public int read() throws IOException {
                    if (++read > 10) {
                        throw new ProblemWhileReading(
                                ApiProblem.tooLarge("body-too-large", "The request body", "this endpoint", 10));
                    }
                    return body.read();
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {}
            };
            chain.doFilter(
                    new HttpServletRequestWrapper(request) {
                        @Override
                        public ServletInputStream getInputStream() {
                            return capped;
                        }
                    },
                    response);
        }
    }
}
