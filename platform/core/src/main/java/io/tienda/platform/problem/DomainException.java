package io.tienda.platform.problem;

import java.net.URI;
import java.util.Map;

/**
 * A business rule said no: the order is already shipped, the slug is taken, the coupon expired.
 * Application services and aggregates throw it without knowing about HTTP; the web layer of each
 * service (the starter's problem handling) turns it into a problem+json response in one place.
 * Services may define kinds of their own (e.g. {@code .../problems/out-of-stock}) with
 * {@link #custom}.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final URI type;
    private final String title;
    private final Map<String, Object> properties;

    public DomainException(int status, URI type, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public DomainException(ProblemType type, String detail) {
        this(type.status(), type.uri(), type.title(), detail, Map.of());
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static DomainException conflict(String detail) {
        return new DomainException(ProblemType.CONFLICT, detail);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(ProblemType.FORBIDDEN, detail);
    }

    public static DomainException invalid(String detail) {
        return new DomainException(ProblemType.INVALID_PARAMETER, detail);
    }

    public static DomainException unprocessable(String detail) {
        return new DomainException(ProblemType.UNPROCESSABLE, detail);
    }

    /** A problem of a kind that belongs to one service, e.g. {@code custom(409, "out-of-stock", ...)}. */
    public static DomainException custom(int status, String slug, String title, String detail) {
        return new DomainException(status, URI.create(ProblemType.BASE + slug), title, detail, Map.of());
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
