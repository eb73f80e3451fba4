package io.tienda.platform.events.user;

import io.tienda.platform.events.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * Fact: the owner of an account asked to reset a forgotten password. notification-service mails the
 * reset link built from {@code token}; the raw token exists only in this message (user-service keeps
 * its hash), so the message must never be logged or copied elsewhere. Nothing is published for an
 * address without an account.
 *
 * @param name     what to call them in the mail; null when they gave no name
 * @param language {@code es} or {@code en}: the language of the mail
 * @param token    single-use; {@code POST /api/v1/auth/reset-password} takes it until {@code expiresAt}
 */
@EventType("user.password_reset_requested")
public record PasswordResetRequested(UUID userId, String email, String name, String language, String token,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "PasswordResetRequested[userId=" + userId + ", language=" + language + ", expiresAt=" + expiresAt
                + "]";
    }
}
