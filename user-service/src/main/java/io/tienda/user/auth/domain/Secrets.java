package io.tienda.user.auth.domain;

import io.tienda.user.account.domain.EmailAddresses;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque secrets handed to clients (refresh, verification and reset tokens) and the hashes stored
 * in their place. 256 random bits need no salt or slow hash: they cannot be guessed, so SHA-256 of
 * the token is as good as the token for lookup and useless to whoever reads the table.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** 256 random bits, base64url without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return URL.encodeToString(bytes);
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The pseudonym of an email address in throttling keys and the audit: hex SHA-256 of its
     * {@linkplain EmailAddresses#canonical canonical form}, the form that also finds the account, so every
     * spelling that reaches one account has one pseudonym.
     */
    public static String emailHash(String email) {
        return HexFormat.of().formatHex(sha256(EmailAddresses.canonical(email)));
    }
}
