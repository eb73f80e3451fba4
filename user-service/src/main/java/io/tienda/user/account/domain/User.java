package io.tienda.user.account.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An account. Its password hash stays in the table: nothing that reads accounts for display needs it.
 *
 * @param name               what to call them; null when they gave none
 * @param phone              E.164, or null
 * @param language           {@code es} or {@code en}: of mails and of the shop
 * @param currency           ISO 4217: the currency prices are shown in
 * @param marketingConsentAt when marketing consent was last given or withdrawn; null if never asked
 * @param emailVerifiedAt    when the owner proved the address is theirs; null until then
 */
public record User(UUID id, String email, String name, String phone, String language, String currency,
        boolean marketingConsent, Instant marketingConsentAt, List<String> roles, UserStatus status,
        Instant emailVerifiedAt, Instant createdAt, Instant updatedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        roles = List.copyOf(roles);
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
