package io.tienda.user.auth.keys;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encrypts signing keys at rest: AES-256-GCM under the key-encryption key (KEK), a fresh 96-bit
 * nonce per message, and the key id as associated data, so a ciphertext moved to another row does
 * not decrypt. Stored form: nonce followed by ciphertext and tag.
 */
final class KeyEncryption {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String id;

    KeyEncryption(byte[] keyBytes) {
        if (keyBytes == null || keyBytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be exactly 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(keyBytes.clone(), "AES");
        this.id = fingerprint(keyBytes);
    }

    /** Reads a KEK given as base64 (standard or URL alphabet); the message never contains the value. */
    static KeyEncryption fromBase64(String encoded) {
        byte[] bytes;
        try {
            String trimmed = encoded.strip();
            bytes = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed) : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key-encryption key is not valid base64");
        }
        try {
            return new KeyEncryption(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static byte[] newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Names this KEK without revealing it: the first 12 hex digits of its SHA-256. */
    String id() {
        return id;
    }

    byte[] encrypt(byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws WrongKeyException when the ciphertext was not sealed with this KEK and associated data */
    byte[] decrypt(byte[] stored, String associatedData) {
        if (stored.length <= NONCE_BYTES) {
            throw new WrongKeyException("ciphertext too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new WrongKeyException("authentication tag mismatch");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static String fingerprint(byte[] keyBytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBytes);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class WrongKeyException extends RuntimeException {

        WrongKeyException(String message) {
            super(message);
        }
    }
}
