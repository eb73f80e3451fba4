package io.tienda.user.account.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.UserStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "The caller's own account as they may see it")
record Profile(UUID id, String email, String displayName,
        @Schema(example = "[\"CUSTOMER\"]") List<String> roles, UserStatus status, boolean emailVerified,
        Instant createdAt) {

    static Profile of(User user) {
        return new Profile(user.id(), user.email(), user.displayName(), user.roles(), user.status(),
                user.emailVerified(), user.createdAt());
    }
}
