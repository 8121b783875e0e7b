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
import org.springframework.http.MediaType;
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

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem problem) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        problem.headers().forEach(headers::set);
        if (problem.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds()));
        }
        return new ResponseEntity<>(problem.toProblemDetail(), headers, problem.status());
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
    ResponseEntity<ProblemDetail> unreadableUpload(MultipartException e) {
        return problem(ApiProblem.badRequest(
                "Send the document as multipart/form-data in a part named 'file' (" + e.getMessage() + ")."));
    }

    /** PostgreSQL or Redis unreachable: a passing outage the client should wait out, not a bug. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException e) {
        log.warn("Store unavailable: {}", e.getMessage());
        return problem(ApiProblem.unavailable(
                        "store-unavailable",
                        "A backing store is not reachable; try again shortly.",
                        Duration.ofSeconds(5))
                .with("gate", "store"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception e, HttpServletRequest request) {
        var whileReading = ProblemWhileReading.in(e);
        if (whileReading.isPresent()) {
            return ProblemWriter.entity(request, whileReading.get());
        }
        log.error("Unexpected error", e);
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged.");
        return ResponseEntity.internalServerError()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail);
    }
}
