package dev.protostar.chat.problem;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error leaves as problem JSON; Spring's own (bad JSON, 404, 405, …) through the base class. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MultipartConfigElement multipart;

    ProblemHandler(MultipartConfigElement multipart) {
        this.multipart = multipart;
    }

    /** Problem JSON, or OpenAI's error shape under {@code /v1/}: what the official SDKs read a message from. */
    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> problem(ApiProblem problem, HttpServletRequest request) {
        return ProblemWriter.entity(request, problem);
    }

    /**
     * Spring's own refusals (unreadable JSON, 404, 405, 415) in OpenAI's error shape under {@code /v1/}, with the
     * status and the detail the base class gave them.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = servletRequest(request);
        if (servlet != null && servlet.getRequestURI().startsWith("/v1/")) {
            String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                    ? problem.getDetail()
                    : e.getMessage();
            HttpStatus known = HttpStatus.valueOf(status.value());
            return ProblemWriter.entity(
                    servlet, new ApiProblem(known, "http-" + known.value(), known.getReasonPhrase(), detail, null));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /**
     * The base class answers "Maximum upload size exceeded" (Tomcat does not tell Spring the limit); a
     * person needs the limit itself to pick a smaller file.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                e, ApiProblem.fileTooLarge(multipart.getMaxFileSize()).toProblemDetail(), headers, status, request);
    }

    /** A body cut off at its cap while a converter read it: the cap's 413, not a 400 for unreadable JSON. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ProblemWhileReading.in(e)
                .map(problem -> ProblemWriter.entity(servletRequest(request), problem))
                .orElseGet(() -> super.handleHttpMessageNotReadable(e, headers, status, request));
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest() : null;
    }

    /** Not multipart at all, or multipart that cannot be read. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableUpload(MultipartException e) {
        return ProblemWriter.entity(
                null,
                ApiProblem.badRequest(
                        "Send the document as multipart/form-data in a part named 'file' (" + e.getMessage() + ")."));
    }

    /** PostgreSQL or Redis unreachable: a passing outage the client should wait out, not a bug. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> storeUnavailable(DataAccessException e, HttpServletRequest request) {
        log.warn("Store unavailable: {}", e.getMessage());
        return problem(
                ApiProblem.unavailable(
                                "store-unavailable",
                                "A backing store is not reachable; try again shortly.",
                                Duration.ofSeconds(5))
                        .with("gate", "store"),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception e, HttpServletRequest request) {
        var whileReading = ProblemWhileReading.in(e);
        if (whileReading.isPresent()) {
            return ProblemWriter.entity(request, whileReading.get());
        }
        log.error("Unexpected error", e);
        return ProblemWriter.entity(
                request,
                new ApiProblem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Internal Server Error",
                        "Something went wrong on our side; it has been logged.",
                        null));
    }
}
