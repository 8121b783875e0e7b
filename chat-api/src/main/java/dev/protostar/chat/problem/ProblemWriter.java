package dev.protostar.chat.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes a problem straight to the response: where no controller advice reaches (servlet filters), and where
 * refusals are the common answer (the intake under overload), which should not pay for Spring's exception
 * resolution each time.
 */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        response.setStatus(problem.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        problem.headers().forEach(response::setHeader);
        if (problem.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds()));
        }
        json.writeValue(response.getOutputStream(), problem.toProblemDetail());
    }
}
