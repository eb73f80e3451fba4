package io.tienda.platform.problem;

import java.net.URI;

/**
 * The stable kinds of error Tienda answers with, shared by every service and the gateway. A client
 * branches on {@link #uri()}, never on the human-readable title or detail, so these URIs never
 * change meaning once published. The status is a plain number: this vocabulary belongs to no web
 * framework, and each web stack turns it into its own status type.
 */
public enum ProblemType {

    VALIDATION("validation", 400, "The request has invalid fields"),
    MALFORMED_REQUEST("malformed-request", 400, "The request is malformed"),
    INVALID_FIELD_TYPE("invalid-field-type", 400, "A field has the wrong type"),
    INVALID_BODY("invalid-body", 400, "The body has the wrong shape"),
    INVALID_PARAMETER("invalid-parameter", 400, "A parameter is missing or invalid"),
    UNAUTHORIZED("unauthorized", 401, "Authentication is required"),
    FORBIDDEN("forbidden", 403, "Access is denied"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    REQUEST_TIMEOUT("request-timeout", 408, "The request did not arrive in time"),
    CONFLICT("conflict", 409, "The request conflicts with the current state"),
    PRECONDITION_FAILED("precondition-failed", 412, "A precondition failed"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    URI_TOO_LONG("uri-too-long", 414, "The request's path and query are too long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    UNPROCESSABLE("unprocessable", 422, "The request cannot be processed"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "The request's headers are too large"),
    INTERNAL("internal", 500, "Internal error"),
    BAD_GATEWAY("bad-gateway", 502, "The upstream service failed"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "A dependency is unavailable"),
    GATEWAY_TIMEOUT("gateway-timeout", 504, "The upstream service did not answer in time");

    public static final String BASE = "https://tienda.io/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /**
     * The generic kind for a status raised without a more specific one. The 400 kinds that name a
     * particular fault of the body (validation, wrong type, ...) are never guessed from a status.
     */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != VALIDATION && type != MALFORMED_REQUEST
                    && type != INVALID_FIELD_TYPE && type != INVALID_BODY) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_PARAMETER;
    }
}
