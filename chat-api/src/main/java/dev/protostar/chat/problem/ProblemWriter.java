package dev.protostar.chat.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes a problem straight to the response: where no controller advice reaches (servlet filters), and where
 * refusals are the common answer (the intake under overload), which should not pay for Spring's exception
 * resolution each time. Under {@code /v1/} (the OpenAI-compatible door) a problem takes OpenAI's error shape.
 */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        writeHeaders(response, problem, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem.toProblemDetail());
    }

    /** As {@link #write(HttpServletResponse, ApiProblem)}, in OpenAI's shape when the request is under /v1/. */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem) throws IOException {
        if (!isOpenAi(request)) {
            write(response, problem);
            return;
        }
        writeHeaders(response, problem, MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem.toOpenAiError());
    }

    /** The same answer for an exception handler to return. */
    public static ResponseEntity<Object> entity(HttpServletRequest request, ApiProblem problem) {
        HttpHeaders headers = new HttpHeaders();
        problem.headers().forEach(headers::set);
        if (problem.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds()));
        }
        if (isOpenAi(request)) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            return new ResponseEntity<>(problem.toOpenAiError(), headers, problem.status());
        }
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem.toProblemDetail(), headers, problem.status());
    }

    private static void writeHeaders(HttpServletResponse response, ApiProblem problem, String contentType) {
        response.setStatus(problem.status().value());
        response.setContentType(contentType);
        problem.headers().forEach(response::setHeader);
        if (problem.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds()));
        }
    }

    private static boolean isOpenAi(HttpServletRequest request) {
        return request != null && request.getRequestURI().startsWith("/v1/");
    }
}
