package dev.protostar.chat.auth;

import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every API call needs a known bearer key; only the web UI's static files and health answer without. */
@Component
class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final ProblemWriter problems;

    ApiKeyFilter(ApiKeys keys, ProblemWriter problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/") || path.startsWith("/v1/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String key = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : eventStreamToken(request);
        var caller = key == null || key.isEmpty() ? null : keys.find(key).orElse(null);
        if (caller == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(
                    response,
                    ApiProblem.unauthorized(
                            key == null ? "Send an API key as 'Authorization: Bearer <key>'." : "Unknown API key."));
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        chain.doFilter(request, response);
    }

    /** A browser's EventSource cannot send headers, so SSE GETs may carry the key as ?access_token=. */
    private static String eventStreamToken(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && request.getRequestURI().endsWith("/events")
                ? request.getParameter("access_token")
                : null;
    }
}
