package io.tienda.user.auth.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.user.account.domain.User;
import io.tienda.user.auth.LoginService;
import io.tienda.user.auth.PasswordReset;
import io.tienda.user.auth.Registration;
import io.tienda.user.auth.Sessions;
import io.tienda.user.auth.TokenPair;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

@Tag(name = "Authentication", description = "Signing up and signing in")
@RestController
@RequestMapping("/api/v1/auth")
class AuthResource {

    private static final String RESET_ANSWER =
            "If an account exists for this address, a link to reset its password is on its way.";

    private final Registration registration;
    private final LoginService login;
    private final Sessions sessions;
    private final PasswordReset passwordReset;
    private final ClientIp clientIp;

    AuthResource(Registration registration, LoginService login, Sessions sessions, PasswordReset passwordReset,
            ClientIp clientIp) {
        this.registration = registration;
        this.login = login;
        this.sessions = sessions;
        this.passwordReset = passwordReset;
        this.clientIp = clientIp;
    }

    @Schema(description = "The account just created; its email is not verified yet")
    record Registered(UUID id, String email, String name, String language, boolean emailVerified, Instant createdAt) {
    }

    @Schema(description = "The same answer whether or not an account has the address")
    record Accepted(String message) {
    }

    @Operation(summary = "Sign up",
            description = "Creates a CUSTOMER account and mails a verification link (event user.registered). "
                    + "409 email-taken when the address already has an account; 400 with the rules a weak "
                    + "password breaks. The account may sign in before the email is verified.")
    @PostMapping("/register")
    ResponseEntity<Registered> register(@Valid @RequestBody AuthRequests.Register body, HttpServletRequest request) {
        String language = body.language() != null ? body.language() : preferredLanguage(request);
        User user = registration.register(new Registration.SignUp(body.email(), body.password(), body.name(),
                language));
        return ResponseEntity.created(URI.create("/api/v1/users/me"))
                .body(new Registered(user.id(), user.email(), user.name(), user.language(), user.emailVerified(),
                        user.createdAt()));
    }

    @Operation(summary = "Verify an email address",
            description = "With the token from the verification link. Single use; 400 invalid-token when it is "
                    + "unknown, used or expired.")
    @PostMapping("/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verifyEmail(@Valid @RequestBody AuthRequests.VerifyEmail body) {
        registration.verifyEmail(body.token());
    }

    @Operation(summary = "Sign in with email and password",
            description = "Answers an RS256 access token (15 min) and a refresh token (7 days, single use). "
                    + "401 invalid-credentials for an unknown email or a wrong password alike; 429 login-throttled "
                    + "with Retry-After after repeated failures per account or per IP; 403 account-deactivated.")
    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody AuthRequests.Login body, HttpServletRequest request) {
        return tokens(login.login(body.email(), body.password(), clientIp.of(request)));
    }

    @Operation(summary = "Exchange a refresh token for new tokens",
            description = "The presented token stops working and a new one is issued in the same session. "
                    + "Presenting a token that was already exchanged revokes the whole session. 401 "
                    + "invalid-refresh-token for any refusal.")
    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody AuthRequests.RefreshToken body) {
        return tokens(sessions.refresh(body.refreshToken()));
    }

    @Operation(summary = "Sign out", description = "Ends the session of the refresh token. Always 204.")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody AuthRequests.RefreshToken body) {
        sessions.logout(body.refreshToken());
    }

    @Operation(summary = "Ask for a password reset link",
            description = "Always 202 with the same body, whether or not the address has an account; the link is "
                    + "mailed (event user.password_reset_requested) only when it has.")
    @PostMapping("/forgot-password")
    ResponseEntity<Accepted> forgotPassword(@Valid @RequestBody AuthRequests.ForgotPassword body) {
        passwordReset.forgot(body.email());
        return ResponseEntity.accepted().body(new Accepted(RESET_ANSWER));
    }

    @Operation(summary = "Set a new password with a reset token",
            description = "Single use. Ends every session of the account. 400 invalid-token for an unknown, used "
                    + "or expired token; 400 validation when the password breaks the policy (the token still works).")
    @PostMapping("/reset-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@Valid @RequestBody AuthRequests.ResetPassword body) {
        passwordReset.reset(body.token(), body.password());
    }

    /** RFC 6749 §5.1: token responses must not be cached. */
    private static ResponseEntity<TokenResponse> tokens(TokenPair pair) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(TokenResponse.of(pair));
    }

    private static String preferredLanguage(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header != null && !header.isBlank()) {
            Locale locale = request.getLocale();
            if ("en".equals(locale.getLanguage())) {
                return "en";
            }
        }
        return "es";
    }
}
