package dev.protostar.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.problem.ProblemWriter;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

class IdsInPathsTest {

    private static final String ID = "3f1c2a4e-8d7b-4c6a-9e5f-1a2b3c4d5e6f";

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Endpoints())
            .addInterceptors(new IdsInPaths(
                    new ProblemWriter(Jackson2ObjectMapperBuilder.json().build())))
            .build();

    @Test
    void passes_a_canonical_id() throws Exception {
        mvc.perform(get("/api/v1/chat/sessions/" + ID + "/events")).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "3F1C2A4E-8D7B-4C6A-9E5F-1A2B3C4D5E6F", // upper case
                "%7B3f1c2a4e-8d7b-4c6a-9e5f-1a2b3c4d5e6f%7D", // braces
                "%203f1c2a4e-8d7b-4c6a-9e5f-1a2b3c4d5e6f%20", // surrounding spaces
                "0-0-0-0-0", // what UUID.fromString would take
                "3f1c2a4e8d7b4c6a9e5f1a2b3c4d5e6f", // no dashes
                "session-1" // not a UUID at all
            })
    void refuses_a_session_id_that_is_not_canonical_with_400(String id) throws Exception {
        mvc.perform(get(URI.create("/api/v1/chat/sessions/" + id + "/events")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("sessionId"));
    }

    @Test
    void checks_candidate_and_ingestion_ids_the_same_way() throws Exception {
        mvc.perform(post("/api/v1/candidates/" + ID.toUpperCase() + "/documents"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("candidateId"));
        mvc.perform(get("/api/v1/ingestions/not-an-id/events"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("ingestionId"));
    }

    @Test
    void leaves_variables_that_are_not_ids_alone() throws Exception {
        mvc.perform(get("/api/v1/things/Any%20Name")).andExpect(status().isOk());
    }

    @Test
    void ids_in_bodies_and_headers_follow_the_same_rule() {
        assertThat(CanonicalIds.parse("candidateId", ID).toString()).isEqualTo(ID);

        ApiProblem refused =
                catchThrowableOfType(ApiProblem.class, () -> CanonicalIds.parse("candidateId", ID.toUpperCase()));

        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @RestController
    static class Endpoints {

        @GetMapping({"/api/v1/chat/sessions/{sessionId}/events", "/api/v1/ingestions/{ingestionId}/events"})
        void events() {}

        @PostMapping("/api/v1/candidates/{candidateId}/documents")
        void upload() {}

        @GetMapping("/api/v1/things/{name}")
        void thing(@PathVariable String name) {}
    }
}
