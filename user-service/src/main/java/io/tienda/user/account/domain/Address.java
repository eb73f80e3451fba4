package io.tienda.user.account.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An entry of a user's address book. At most one default per {@link AddressType}. */
public record Address(UUID id, UUID userId, AddressType type, String name, String line1, String line2, String city,
        String region, String postalCode, String country, String phone, boolean isDefault, Instant createdAt,
        Instant updatedAt) {

    public Address {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
    }
}
