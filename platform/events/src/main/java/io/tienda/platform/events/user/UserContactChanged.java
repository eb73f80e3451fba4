package io.tienda.platform.events.user;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/**
 * Fact: how to reach a user is now this: an account was created without sign-up (staff, initial
 * accounts) or its e-mail, name or language changed. notification-service keeps its address book
 * from this and {@code user.registered}.
 *
 * @param name     null when they gave no name
 * @param language {@code es} or {@code en}
 */
@EventType("user.contact_changed")
public record UserContactChanged(UUID userId, String email, String name, String language) {

    @Override
    public String toString() {
        return "UserContactChanged[userId=" + userId + ", language=" + language + "]";
    }
}
