package dev.protostar.chat.limits;

import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.problem.ProblemWhileReading;
import dev.protostar.chat.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Caps each endpoint's request body before anything parses it, with a 413 problem (OpenAI's error shape under
 * /v1/). A Content-Length over the cap is refused unread; a body without one (chunked) is counted as it is read
 * and the read past the cap fails, which the exception handler answers with the same 413. A document upload is
 * multipart, parsed by the container, which enforces its own limit ({@code protostar.documents.max-file-size}); its
 * Content-Length is checked here so an upload that says it is too large is refused before anything else.
 */
@Component
class BodyLimitFilter extends OncePerRequestFilter implements Ordered {

    /** Before every other filter, so none can read a body that is not capped yet. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final PathPattern UPLOAD = pattern("/api/v1/candidates/{candidateId}/documents");

    private final List<Cap> caps;
    private final long otherCap;
    private final long uploadCap;
    private final long maxFileSize;
    private final ProblemWriter problems;

    BodyLimitFilter(LimitProperties limits, MultipartConfigElement multipart, ProblemWriter problems) {
        LimitProperties.Bodies body = limits.body();
        this.caps = List.of(
                new Cap(
                        "POST",
                        pattern("/api/v1/chat/sessions/{sessionId}/messages"),
                        body.message().toBytes()),
                new Cap(
                        "POST",
                        pattern("/v1/chat/completions"),
                        body.completion().toBytes()),
                new Cap("POST", pattern("/api/v1/chat/sessions"), body.session().toBytes()),
                new Cap("POST", pattern("/api/v1/candidates"), body.candidate().toBytes()));
        this.otherCap = body.other().toBytes();
        this.uploadCap = multipart.getMaxRequestSize();
        this.maxFileSize = multipart.getMaxFileSize();
        this.problems = problems;
    }

    private record Cap(String method, PathPattern path, long bytes) {}

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = routed(request);
        return !(path.startsWith("/api/") || path.startsWith("/v1/"));
    }

    /**
     * The path as Spring routes it (decoded, path parameters dropped), not the raw URI: {@code /%61pi/…} reaches the
     * same controller as {@code /api/…} and must meet the same cap.
     */
    private static String routed(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PathContainer path = PathContainer.parsePath(routed(request));
        long declared = request.getContentLengthLong();
        if ("POST".equals(request.getMethod()) && UPLOAD.matches(path)) {
            if (declared > uploadCap) {
                problems.write(request, response, ApiProblem.fileTooLarge(maxFileSize));
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        long cap = capOf(request.getMethod(), path);
        if (declared > cap) {
            problems.write(request, response, tooLarge(cap));
            return;
        }
        try {
            chain.doFilter(new CappedRequest(request, cap, () -> tooLarge(cap)), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // read past the cap where no exception handler answers (a filter after this one)
            Optional<ApiProblem> problem = ProblemWhileReading.in(e);
            if (problem.isEmpty() || response.isCommitted()) {
                throw e;
            }
            response.reset();
            problems.write(request, response, problem.get());
        }
    }

    long capOf(String method, PathContainer path) {
        for (Cap cap : caps) {
            if (cap.method().equals(method) && cap.path().matches(path)) {
                return cap.bytes();
            }
        }
        return otherCap;
    }

    private static ApiProblem tooLarge(long cap) {
        return ApiProblem.tooLarge("body-too-large", "The request body", "this endpoint", cap);
    }

    private static PathPattern pattern(String path) {
        return PathPatternParser.defaultInstance.parse(path);
    }
}
