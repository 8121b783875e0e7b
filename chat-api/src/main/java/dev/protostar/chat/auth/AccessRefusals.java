package dev.protostar.chat.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.problem.ProblemWriter;
import dev.protostar.infra.access.KeyAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;

/**
 * The users' port's refusals: problem JSON, and under {@code /v1/} OpenAI's error shape, so an OpenAI SDK shows
 * "Incorrect API key" instead of "401 status code (no body)".
 */
class AccessRefusals implements KeyAuthentication.Refusals {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProblemWriter problems;

    AccessRefusals(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        ApiProblem problem;
        if (failure instanceof KeyAuthentication.LookupBusy) {
            problem = ApiProblem.unavailable("key-check-busy", failure.getMessage(), Duration.ofSeconds(1));
        } else if (failure instanceof BadCredentialsException) {
            problem = ApiProblem.unauthorized("Unknown API key.");
        } else {
            problem = ApiProblem.unauthorized("Send an API key as 'Authorization: Bearer <key>'.");
        }
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            problem.header("WWW-Authenticate", "Bearer");
        }
        write(request, response, problem, "invalid_api_key");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, ApiProblem.forbidden("This key's role may not do this."), "permission_denied");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem, String code)
            throws IOException {
        if (!request.getRequestURI().startsWith("/v1/")) {
            problems.write(response, problem);
            return;
        }
        response.setStatus(problem.status().value());
        response.setContentType("application/json");
        problem.headers().forEach(response::setHeader);
        if (problem.retryAfter() != null) {
            response.setHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()));
        }
        JSON.writeValue(
                response.getOutputStream(),
                Map.of(
                        "error",
                        Map.of("message", problem.getMessage(), "type", "invalid_request_error", "code", code)));
    }
}
