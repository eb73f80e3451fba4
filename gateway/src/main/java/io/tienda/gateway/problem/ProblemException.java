package io.tienda.gateway.problem;

import io.tienda.platform.problem.ProblemType;
import org.springframework.http.HttpHeaders;

/**
 * Raised where the gateway decides to refuse a request; {@link ProblemExceptionHandler} turns it
 * into the response. Carries no stack trace: it is an answer, not a failure to diagnose.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient HttpHeaders headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, HttpHeaders.EMPTY);
    }

    public ProblemException(ProblemType type, String detail, HttpHeaders headers) {
        super(detail, null, false, false);
        this.type = type;
        this.headers = headers;
    }

    public ProblemType type() {
        return type;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
