package io.tienda.cart.cart.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A guest's cart token: 256 random bits, base64url without padding (43 characters). Possession is
 * the only proof a guest has, so it must be unguessable; the service keeps only its SHA-256, so a
 * look at Redis does not hand out carts.
 */
public final class CartToken {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String value;

    private CartToken(String value) {
        this.value = value;
    }

    public static CartToken issue(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new CartToken(BASE64URL.encodeToString(bytes));
    }

    /** The token a client sent; a malformed one is a 400 problem. */
    public static CartToken parse(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw CartProblems.malformedCartToken();
        }
        return new CartToken(value);
    }

    public String value() {
        return value;
    }

    String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "CartToken[redacted]";
    }
}
