package io.tienda.payment.simulator.domain;

/**
 * An error the simulated provider answers, shaped like Stripe's: an HTTP status, an error type
 * ({@code card_error}, {@code invalid_request_error}, {@code idempotency_error}), a code and, for
 * declines, the issuer's decline code.
 */
public class SimulatedProviderException extends RuntimeException {

    private final int httpStatus;
    private final String type;
    private final String code;
    private final String declineCode;

    public SimulatedProviderException(int httpStatus, String type, String code, String declineCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.type = type;
        this.code = code;
        this.declineCode = declineCode;
    }

    public static SimulatedProviderException invalid(String code, String message) {
        return new SimulatedProviderException(400, "invalid_request_error", code, null, message);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String declineCode() {
        return declineCode;
    }
}
