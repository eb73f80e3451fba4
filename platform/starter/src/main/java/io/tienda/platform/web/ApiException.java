package io.tienda.platform.web;

import java.net.URI;
import java.util.Map;

/**
 * A business error a service answers deliberately: it becomes a problem+json response with the
 * given type. Services may define their own type URIs (e.g. {@code .../problems/out-of-stock}).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final URI type;
    private final String title;
    private final Map<String, Object> properties;

    public ApiException(int status, URI type, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public ApiException(ProblemType type, String detail) {
        this(type.status().value(), type.uri(), type.title(), detail, Map.of());
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }

    public static ApiException invalid(String detail) {
        return new ApiException(ProblemType.INVALID_PARAMETER, detail);
    }

    /** A problem of a kind that belongs to one service, e.g. {@code custom(409, "out-of-stock", ...)}. */
    public static ApiException custom(int status, String slug, String title, String detail) {
        return new ApiException(status, URI.create(ProblemType.BASE + slug), title, detail, Map.of());
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
