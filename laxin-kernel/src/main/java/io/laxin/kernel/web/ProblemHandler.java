package io.laxin.kernel.web;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.api.ErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Renders every refusal as RFC 9457 problem+json with a stable {@code code}. */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(5);

    @ExceptionHandler(LaxinException.class)
    ResponseEntity<Map<String, Object>> business(LaxinException e, HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> problem = problem(e.errorCode(), e.getMessage(), request);
        int status = e.errorCode().spec().status();
        if (status == 429 || status == 503) {
            // a refusal that passes: say when to come back
            return ResponseEntity.status(problem.getStatusCode())
                    .headers(problem.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                    .body(problem.getBody());
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        if (detail.isEmpty()) {
            detail = e.getBindingResult().getAllErrors().stream()
                    .map(err -> err.getDefaultMessage())
                    .collect(Collectors.joining("; "));
        }
        ResponseEntity<Map<String, Object>> response = problem(CommonErrorCode.VALIDATION_FAILED, detail, request);
        // the same, per field, for a form to show each message on its field
        response.getBody()
                .put(
                        "errors",
                        e.getBindingResult().getFieldErrors().stream()
                                .sorted(java.util.Comparator.comparing(FieldError::getField))
                                .map(err -> Map.of(
                                        "field", err.getField(), "message", String.valueOf(err.getDefaultMessage())))
                                .toList());
        return response;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> invalidParameters(
            HandlerMethodValidationException e, HttpServletRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .map(r -> r.getMethodParameter().getParameterName() + ": "
                        + r.getResolvableErrors().stream()
                                .map(err -> err.getDefaultMessage())
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return problem(CommonErrorCode.VALIDATION_FAILED, detail, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, Object>> invalidConstraint(ConstraintViolationException e, HttpServletRequest request) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(CommonErrorCode.VALIDATION_FAILED, detail, request);
    }

    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        MissingRequestHeaderException.class,
        MethodArgumentTypeMismatchException.class
    })
    ResponseEntity<Map<String, Object>> badParameter(Exception e, HttpServletRequest request) {
        return problem(CommonErrorCode.VALIDATION_FAILED, e.getMessage(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(
                CommonErrorCode.MALFORMED_REQUEST,
                "The body is missing or is not valid JSON of the expected shape",
                request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(CommonErrorCode.METHOD_NOT_ALLOWED, e.getMessage(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problem(CommonErrorCode.NOT_ACCEPTABLE, e.getMessage(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(
                CommonErrorCode.NOT_FOUND,
                "No endpoint " + request.getMethod() + " " + request.getRequestURI(),
                request);
    }

    /**
     * The database or Redis does not answer (refused, timed out, no connection in the pool): 503 with Retry-After —
     * the client did nothing wrong and the same call will work once the store is back.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class,
        QueryTimeoutException.class,
        TransientDataAccessResourceException.class
    })
    ResponseEntity<Map<String, Object>> storeUnavailable(Exception e, HttpServletRequest request) {
        log.warn("A store is unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        ResponseEntity<Map<String, Object>> p = problem(
                CommonErrorCode.DOWNSTREAM_UNAVAILABLE,
                "A store this service depends on (database or cache) does not answer; retry in a few seconds",
                request);
        return ResponseEntity.status(p.getStatusCode())
                .headers(p.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(p.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(
                CommonErrorCode.INTERNAL_ERROR, "Something went wrong; quote the request id to support", request);
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    static ResponseEntity<Map<String, Object>> problem(ErrorCode code, String detail, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.valueOf(code.status()))
                .contentType(MediaType.parseMediaType(Problems.MEDIA_TYPE))
                .body(Problems.body(code, detail, request.getRequestURI(), MDC.get(RequestIds.MDC_KEY)));
    }
}
