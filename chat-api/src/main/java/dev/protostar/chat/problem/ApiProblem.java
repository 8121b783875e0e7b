package dev.protostar.chat.problem;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error the client can act on, answered as {@code application/problem+json}. {@code type} is a stable
 * URN naming the problem; {@code retryAfter}, when set, becomes the Retry-After header. It is an answer, not a
 * fault, so it carries no stack trace: a dam refusing hundreds of turns a second should not walk the stack for each.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Duration retryAfter;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String type, String title, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.retryAfter = retryAfter;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail, null);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, null);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, null);
    }

    public static ApiProblem tooLarge(String type, String detail) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, type, "Payload too large", detail, null);
    }

    /**
     * 413 naming the limit in words and in bytes ({@code maxBytes}), so a person can shorten the text or pick a
     * smaller file; {@code what} is what was too large ("The request body", "The file").
     */
    public static ApiProblem tooLarge(String type, String what, String limitOf, long maxBytes) {
        return tooLarge(type, what + " is larger than " + humanSize(maxBytes) + ", the limit for " + limitOf + ".")
                .with("maxBytes", maxBytes);
    }

    /** The one answer to a file over the limit, whether its length said so or its parts did while read. */
    public static ApiProblem fileTooLarge(long maxFileSize) {
        return tooLarge(
                        "file-too-large",
                        "The file is larger than " + humanSize(maxFileSize) + ", the limit for one document.")
                .with("maxFileSizeBytes", maxFileSize);
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, "Conflict", detail, null);
    }

    public static ApiProblem tooManyRequests(String type, String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, type, "Too many requests", detail, retryAfter);
    }

    public static ApiProblem unavailable(String type, String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, type, "Service unavailable", detail, retryAfter);
    }

    /** Adds a member to the problem JSON (e.g. the gate that rejected, the running requestId). */
    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Adds a response header (e.g. RateLimit, RateLimit-Policy). */
    public ApiProblem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public HttpStatus status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, getMessage());
        detail.setType(URI.create("urn:protostar:problem:" + type));
        detail.setTitle(title);
        properties.forEach(detail::setProperty);
        if (retryAfter != null) {
            detail.setProperty("retryAfterSeconds", retryAfterSeconds());
        }
        return detail;
    }

    /**
     * OpenAI's error shape, for the OpenAI-compatible door ({@code /v1/}): its clients read
     * {@code error.message} and nothing of problem JSON. {@code code} is the problem's type.
     */
    public Map<String, Object> toOpenAiError() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", getMessage());
        error.put("type", openAiType());
        error.put("param", properties.get("field")); // the request's field at fault, when one is
        error.put("code", type);
        properties.forEach(error::putIfAbsent);
        return Map.of("error", error);
    }

    /** OpenAI's error types by status: what its clients group errors by. */
    private String openAiType() {
        if (status.is5xxServerError()) {
            return "server_error";
        }
        return switch (status) {
            case UNAUTHORIZED -> "authentication_error";
            case FORBIDDEN -> "permission_error";
            case NOT_FOUND -> "not_found_error";
            case TOO_MANY_REQUESTS -> "rate_limit_error";
            default -> "invalid_request_error";
        };
    }

    /** "20 MB", "512 KB", "1000 bytes": binary units, as limits are configured. */
    public static String humanSize(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }

    /** Whole seconds, rounded up: a client that waits this long is never early. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
