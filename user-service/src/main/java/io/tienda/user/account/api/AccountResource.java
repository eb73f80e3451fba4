package io.tienda.user.account.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.security.CurrentUser;
import io.tienda.platform.web.ApiException;
import io.tienda.user.account.persistence.UserRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

@Tag(name = "Users", description = "Accounts and profiles")
@RestController
@RequestMapping("/api/v1/users")
class AccountResource {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final UserRepository users;
    private final CurrentUser currentUser;

    AccountResource(UserRepository users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    @Operation(summary = "The caller's own profile",
            description = "The account the access token was issued for; 404 when that account does not exist "
                    + "(any more).")
    @GetMapping("/me")
    public Profile me() {
        String subject = currentUser.requireId();
        return userId(subject).flatMap(users::findById)
                .map(Profile::of)
                .orElseThrow(() -> ApiException.notFound("user", subject));
    }

    /** Tokens this service issues carry the account id as subject; any other subject has no account here. */
    private static Optional<UUID> userId(String subject) {
        return CANONICAL_UUID.matcher(subject).matches() ? Optional.of(UUID.fromString(subject)) : Optional.empty();
    }
}
