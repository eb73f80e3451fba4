package io.tienda.user.auth.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.user.account.Caller;
import io.tienda.user.auth.PasswordChange;
import io.tienda.user.auth.keys.AccessTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in user's own password, under their account's path ({@code /users/me}) but served by
 * auth: credentials and sessions are auth's, and account depends on nothing of auth.
 */
@Tag(name = "Users", description = "Accounts and profiles")
@RestController
@RequestMapping("/api/v1/users/me")
class PasswordResource {

    private final PasswordChange passwordChange;
    private final Caller caller;

    PasswordResource(PasswordChange passwordChange, Caller caller) {
        this.passwordChange = passwordChange;
        this.caller = caller;
    }

    record ChangePassword(
            @NotEmpty @Size(max = 1024) @Schema(format = "password") String currentPassword,
            @NotEmpty @Size(max = 1024) @Schema(format = "password") String newPassword) {

        @Override
        public String toString() {
            return "ChangePassword[]";
        }
    }

    @Operation(summary = "Change the caller's password",
            description = "Needs the current password (403 wrong-password). Ends every other session; the one "
                    + "the access token belongs to stays signed in.")
    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void changePassword(@Valid @RequestBody ChangePassword body) {
        UUID userId = caller.userId();
        passwordChange.change(userId, currentSession().orElse(null), body.currentPassword(), body.newPassword());
    }

    /** The session ({@code sid} claim) the caller's access token was issued in, if it carries one. */
    private static Optional<UUID> currentSession() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            return Optional.ofNullable(token.getToken().getClaimAsString(AccessTokens.CLAIM_SESSION))
                    .flatMap(Caller::parse);
        }
        return Optional.empty();
    }
}
