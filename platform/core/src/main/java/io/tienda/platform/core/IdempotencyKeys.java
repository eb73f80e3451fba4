package io.tienda.platform.core;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The one format of the {@value #HEADER} header, the same on every endpoint that takes one, so that a
 * client makes its keys one way for the whole API (a UUID is a good key): 1 to {@value #MAX_LENGTH}
 * printable ASCII characters, {@code 0x21} ({@code !}) to {@code 0x7E} ({@code ~}). No space, no control
 * character and nothing beyond ASCII, because a key travels in an HTTP header, is compared byte for byte
 * and is written to logs. A key that breaks the rule is a 400 {@code validation} problem whose
 * {@code errors} name the header, and the request changes nothing.
 *
 * <p>Why {@value #MAX_LENGTH}: it is the payment provider's own limit (Stripe's {@code Idempotency-Key}
 * is at most 255 characters), and every place a key is kept holds one this long together with whatever
 * a service derives from it:
 * <ul>
 *   <li>order-service keeps the key as sent ({@code orders.idempotency_key}, up to 255) and gives the
 *       provider only a fixed-length key derived from it ({@code chk_} and 48 hex digits);</li>
 *   <li>returns-service keeps it as sent ({@code return_requests.idempotency_key}, up to 255);</li>
 *   <li>inventory-service keeps it as sent ({@code idempotency_keys.key}, up to 255), the operation and
 *       the caller apart in {@code scope};</li>
 *   <li>payment-service keeps a staff refund's key as {@code staff:} and the key
 *       ({@code refunds.refund_key}, up to 300, so 261 fits), and calls the provider with keys of its
 *       own;</li>
 *   <li>notification-service derives a ticket's id from a name-based UUID of the customer and the key,
 *       and keeps a reply's key as sent in the ticket's document.</li>
 * </ul>
 * A service that starts deriving a longer key from the client's must make its column fit
 * {@value #MAX_LENGTH} plus what it adds, not shorten this rule.
 */
public final class IdempotencyKeys {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";

    /** The longest key, in characters (which are bytes: the key is ASCII). */
    public static final int MAX_LENGTH = 255;

    /** The rule as a regular expression, for a check that must be written as one (e.g. {@code @Pattern}). */
    public static final String PATTERN = "[\\x21-\\x7E]{1," + MAX_LENGTH + "}";

    /** The rule in words, as a problem states it. */
    public static final String RULE = "1 to " + MAX_LENGTH + " printable ASCII characters (! to ~), no spaces";

    private IdempotencyKeys() {
    }

    /**
     * The fingerprint of a request kept beside its key (64 hex digits of the SHA-256 of its canonical
     * form, as UTF-8), so that the key sent again with another request is told apart from a retry and
     * refused ({@code idempotency-key-reused}) instead of answered with the first request's result.
     */
    public static String fingerprint(String canonicalRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /**
     * The answer to a key sent again with another request: 422 {@code idempotency-key-reused}, the same on
     * every endpoint that takes a key, so a client handles a spent key one way for the whole API.
     */
    public static DomainException reused() {
        return DomainException.custom(422, "idempotency-key-reused", "The Idempotency-Key belongs to another request",
                "This Idempotency-Key was already used for a different request; use a new key for a new request");
    }

    /** Whether {@code key} follows the rule; null does not. */
    public static boolean isWellFormed(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /**
     * The key of an endpoint where it is optional: null (no header) passes, any other value must follow
     * the rule.
     *
     * @return {@code key}
     * @throws DomainException 400 {@code validation} naming the header when the key breaks the rule
     */
    public static String optional(String key) {
        if (key != null && !isWellFormed(key)) {
            throw invalid(RULE);
        }
        return key;
    }

    /**
     * The key of an endpoint that requires one.
     *
     * @return {@code key}
     * @throws DomainException 400 {@code validation} naming the header when the key is missing or breaks
     *                         the rule
     */
    public static String required(String key) {
        if (!isWellFormed(key)) {
            throw invalid("required: " + RULE);
        }
        return key;
    }

    private static DomainException invalid(String message) {
        ProblemType type = ProblemType.VALIDATION;
        return new DomainException(type.status(), type.uri(), type.title(), "Invalid fields: " + HEADER,
                Map.of("errors", List.of(Map.of("field", HEADER, "message", message))));
    }
}
