package dev.protostar.infra.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;

/** The management surface's refusals, as {@code application/problem+json} like every other error here. */
final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        if (status == 503) {
            response.setHeader("Retry-After", "1");
        }
        JSON.writeValue(
                response.getOutputStream(),
                Map.of("type", "urn:protostar:problem:" + type, "title", title, "status", status, "detail", detail));
    }

    /** 401 for no key or an unknown one, 503 while unknown keys are too many to look up, 403 for a wrong role. */
    static KeyAuthentication.Refusals refusals(String forbidden) {
        return new KeyAuthentication.Refusals() {
            @Override
            public void commence(
                    HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
                    throws IOException {
                if (failure instanceof KeyAuthentication.LookupBusy) {
                    write(response, 503, "key-check-busy", "Service unavailable", failure.getMessage());
                } else if (failure instanceof BadCredentialsException) {
                    write(response, 401, "unauthorized", "Unauthorized", "Unknown API key.");
                } else {
                    write(
                            response,
                            401,
                            "unauthorized",
                            "Unauthorized",
                            "Send an ops key as 'Authorization: Bearer <key>'.");
                }
            }

            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
                    throws IOException {
                write(response, 403, "forbidden", "Forbidden", forbidden);
            }
        };
    }
}
