package io.tienda.platform.web;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns every exception a controller can raise into problem+json with a stable type. Nothing a
 * client sends may produce a 5xx, and no 5xx carries internals: the detail of an unexpected error
 * is logged with the request id, and the client gets only that id.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    /** SQL state class 22, "data exception", the same in every SQL database. */
    private static final String DATA_EXCEPTION = "22";

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> api(DomainException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(e.status()), e.getMessage());
        problem.setType(e.type());
        problem.setTitle(e.title());
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        e.properties().forEach(problem::setProperty);
        return respond(Problems.decorate(problem));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .sorted(Comparator.comparing(m -> m.get("field")))
                .toList();
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION, "Some fields are invalid", request.getRequestURI());
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class})
    ResponseEntity<Object> conflict(Exception e, HttpServletRequest request) {
        // Only the SQL state is logged: the database's message quotes the values (an e-mail, an address).
        String state = sqlState(e);
        if (state != null && state.startsWith(DATA_EXCEPTION)) {
            // A value the column or the query cannot hold: a NUL character in text, a date or a number
            // beyond its type's range, in a body or in a read's filter. It comes from the request and
            // changes nothing, so it is the client's error, not a conflict with the resource's state.
            log.info("value the store cannot hold on {}: SQL state {}", request.getRequestURI(), state);
            return respond(Problems.of(ProblemType.MALFORMED_REQUEST, "A value in the request is one the store can neither "
                    + "hold nor search for: a character text may not hold (such as NUL), or a date or number out of range",
                    request.getRequestURI()));
        }
        log.info("conflict on {}: {} (SQL state {})", request.getRequestURI(), e.getClass().getSimpleName(), state);
        return respond(Problems.of(ProblemType.CONFLICT,
                "The resource was changed or already exists; reload it and try again", request.getRequestURI()));
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * Spring Security's firewall checks parameter names and values when they are read, so it refuses
     * one with a control character in the middle of a controller that reads every parameter.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, HttpServletRequest request) {
        return respond(Problems.of(ProblemType.MALFORMED_REQUEST,
                "A parameter's name or value holds a character a request may not carry", request.getRequestURI()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(Problems.of(ProblemType.FORBIDDEN, "You may not do this", request.getRequestURI()));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return respond(Problems.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required",
                request.getRequestURI()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        return respond(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage(), request.getRequestURI()));
    }

    /** Tomcat parses the query on first use and refuses broken percent-encoding or too many parameters. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> unreadableParameters(InvalidParameterException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_PARAMETER,
                "The query parameters cannot be read; they must be well-formed percent-encoded UTF-8",
                request.getRequestURI());
        if (e.getErrorCode() >= 400 && e.getErrorCode() < 500) {
            problem.setStatus(e.getErrorCode());
        }
        return respond(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        PayloadTooLargeException tooLarge = PayloadTooLargeException.findIn(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge, request);
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(ProblemType.INTERNAL,
                "Something went wrong on our side; quote the requestId when you contact support",
                request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getAllErrors().stream()
                .map(error -> Map.of(
                        "field", error instanceof FieldError f ? f.getField() : error.getObjectName(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .sorted(Comparator.comparing(m -> m.get("field")))
                .toList();
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION,
                "Invalid fields: " + errors.stream().map(m -> m.get("field")).distinct()
                        .collect(Collectors.joining(", ")), path(request));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a @Valid body among constrained parameters comes as its own field errors: name the fields
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", error instanceof FieldError f ? f.getField()
                                : result.getMethodParameter().getParameterName() == null ? "parameter"
                                : result.getMethodParameter().getParameterName(),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .sorted(Comparator.comparing(m -> m.get("field")))
                .toList();
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION, "Some parameters are invalid", path(request));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = PayloadTooLargeException.findIn(e);
        if (tooLarge != null) {
            return respond(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), path(request)));
        }
        Throwable cause = e.getCause();
        Optional<String> duplicate = StrictJson.duplicateField(cause);
        if (duplicate.isPresent()) {
            String field = cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()
                    ? jsonPath(jackson) + "." + duplicate.get() : duplicate.get();
            ProblemDetail problem = Problems.of(ProblemType.MALFORMED_REQUEST,
                    "Field '" + field + "' is given more than once", path(request));
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "given more than once")));
            return respond(problem);
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jsonPath(jackson);
            ProblemDetail problem = Problems.of(ProblemType.INVALID_FIELD_TYPE,
                    "Field '" + field + "' has the wrong type or format", path(request));
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "wrong type or format")));
            return respond(problem);
        }
        if (cause instanceof MismatchedInputException) {
            return respond(Problems.of(ProblemType.INVALID_BODY,
                    "The body is JSON of the wrong shape; see the API documentation", path(request)));
        }
        String detail = cause instanceof JacksonException && !(cause instanceof DatabindException)
                ? "The body is not well-formed JSON"
                : "The body is missing or cannot be read";
        return respond(Problems.of(ProblemType.MALFORMED_REQUEST, detail, path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        ProblemDetail problem = Problems.of(ProblemType.INVALID_PARAMETER,
                "Parameter '" + name + "' has the wrong type", path(request));
        problem.setProperty("errors", List.of(Map.of("field", String.valueOf(name), "message", "wrong type")));
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(Problems.of(ProblemType.NOT_FOUND, "No such resource: " + path(request), path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.METHOD_NOT_ALLOWED,
                e.getMethod() + " is not supported here", path(request));
        HttpHeaders allow = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            allow.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(problem.getStatus()).headers(allow)
                .contentType(Problems.PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Send application/json", path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(Problems.of(ProblemType.NOT_ACCEPTABLE, "Accept application/json", path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The upload is too large", path(request)));
    }

    /** Every other framework exception already carries a status; give it our type and ids. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = e instanceof ErrorResponse er && er.getBody().getDetail() != null
                ? er.getBody().getDetail() : null;
        if (status.is5xxServerError()) {
            log.error("error on {}", path(request), e);
            detail = null;
        }
        ProblemDetail problem = Problems.of(ProblemType.forStatus(status.value()), detail, path(request));
        problem.setStatus(status.value());
        return ResponseEntity.status(status).headers(headers).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }

    private static String jsonPath(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
