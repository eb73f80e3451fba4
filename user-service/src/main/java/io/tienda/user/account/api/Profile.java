package io.tienda.user.account.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.UserStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "The caller's own account as they may see it")
record Profile(UUID id, String email, @Schema(example = "Ana") String name,
        @Schema(example = "+34600111222", description = "E.164") String phone,
        @Schema(allowableValues = {"es", "en"}) String language,
        @Schema(example = "EUR", description = "ISO 4217") String currency,
        boolean marketingConsent,
        @Schema(description = "When marketing consent was last given or withdrawn") Instant marketingConsentAt,
        @Schema(example = "[\"CUSTOMER\"]") List<String> roles, UserStatus status, boolean emailVerified,
        Instant createdAt) {

    static Profile of(User user) {
        return new Profile(user.id(), user.email(), user.name(), user.phone(), user.language(), user.currency(),
                user.marketingConsent(), user.marketingConsentAt(), user.roles(), user.status(), user.emailVerified(),
                user.createdAt());
    }
}
