package io.tienda.platform.web;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * The stable kinds of error Tienda answers with. A client branches on {@link #uri()}, never on
 * the human-readable title or detail, so these URIs never change meaning once published.
 */
public enum ProblemType {

    VALIDATION("validation", HttpStatus.BAD_REQUEST, "The request has invalid fields"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "The request body is not valid JSON"),
    INVALID_FIELD_TYPE("invalid-field-type", HttpStatus.BAD_REQUEST, "A field has the wrong type"),
    INVALID_BODY("invalid-body", HttpStatus.BAD_REQUEST, "The body has the wrong shape"),
    INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST, "A parameter is missing or invalid"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication is required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Access is denied"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "No acceptable representation"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "The request conflicts with the current state"),
    PRECONDITION_FAILED("precondition-failed", HttpStatus.PRECONDITION_FAILED, "A precondition failed"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    UNPROCESSABLE("unprocessable", HttpStatus.UNPROCESSABLE_CONTENT, "The request cannot be processed"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "A dependency is unavailable"),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    public static final String BASE = "https://tienda.io/problems/";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The generic kind for a status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status.value() == status && type != VALIDATION && type != MALFORMED_REQUEST
                    && type != INVALID_FIELD_TYPE && type != INVALID_BODY) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_PARAMETER;
    }
}
