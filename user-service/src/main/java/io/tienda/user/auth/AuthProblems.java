package io.tienda.user.auth;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The problems sign-up, sign-in and tokens answer with; clients branch on the type. */
public final class AuthProblems {

    /** Problem property that {@code RetryAfterHeader} turns into a Retry-After header. */
    public static final String RETRY_AFTER = "retryAfterSeconds";

    private AuthProblems() {
    }

    /** Unknown email or wrong password: deliberately the same answer. */
    public static DomainException invalidCredentials() {
        return DomainException.custom(401, "invalid-credentials", "Invalid credentials",
                "The email or the password is wrong");
    }

    public static DomainException throttled(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new DomainException(429, URI.create(ProblemType.BASE + "login-throttled"), "Too many failed sign-ins",
                "Too many failed attempts; try again in " + seconds + " s", Map.of(RETRY_AFTER, seconds));
    }

    public static DomainException deactivated() {
        return DomainException.custom(403, "account-deactivated", "Account deactivated",
                "This account has been deactivated; contact support");
    }

    public static DomainException invalidRefreshToken() {
        return DomainException.custom(401, "invalid-refresh-token", "Invalid refresh token",
                "The refresh token is unknown, expired, already used or revoked; sign in again");
    }

    public static DomainException invalidToken() {
        return DomainException.custom(400, "invalid-token", "Invalid or expired link",
                "The link is invalid, expired or was already used; ask for a new one");
    }

    public static DomainException emailTaken() {
        return DomainException.custom(409, "email-taken", "Email already registered",
                "An account with this email already exists; sign in or reset the password");
    }

    public static DomainException wrongPassword() {
        return DomainException.custom(403, "wrong-password", "Wrong password", "The current password is wrong");
    }

    /** A password that breaks the policy; lists the rules, never the password. */
    public static DomainException weakPassword(String field, List<String> violations) {
        List<Map<String, String>> errors = violations.stream()
                .map(message -> Map.of("field", field, "message", message)).toList();
        return new DomainException(400, ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(),
                "Invalid fields: " + field, Map.of("errors", errors));
    }
}
