package io.tienda.platform.events.user;

import io.tienda.platform.events.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * Fact: someone signed up and must prove the address is theirs. notification-service mails the
 * verification link built from {@code verificationToken}; the raw token exists only in this message
 * (user-service keeps its hash), so the message must never be logged or copied elsewhere.
 *
 * @param name              what to call them in the mail; null when they gave no name
 * @param language          {@code es} or {@code en}: the language of the mail
 * @param verificationToken single-use; {@code POST /api/v1/auth/verify-email} takes it until {@code expiresAt}
 */
@EventType("user.registered")
public record UserRegistered(UUID userId, String email, String name, String language, String verificationToken,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "UserRegistered[userId=" + userId + ", language=" + language + ", expiresAt=" + expiresAt + "]";
    }
}
