package io.tienda.user.account.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An account. Its password hash stays in the table: nothing that reads accounts for display needs it.
 *
 * @param emailVerifiedAt when the owner proved the address is theirs; null until then
 */
public record User(UUID id, String email, String displayName, List<String> roles, UserStatus status,
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
}
