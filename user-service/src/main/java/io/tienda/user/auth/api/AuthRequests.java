package io.tienda.user.auth.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.platform.core.TextRules;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the authentication endpoints. Those with a password or a token print neither:
 * nothing that logs a request object may leak a secret.
 */
final class AuthRequests {

    /** Bounds hashing work per request; the password policy's own maximum is lower. */
    static final int MAX_SECRET = 1024;

    /** Names and addresses go into mails and logs: no control characters or line breaks in them. */
    private static final String PLAIN = TextRules.SINGLE_LINE_PATTERN;
    private static final String NO_BREAKS = TextRules.SINGLE_LINE_MESSAGE;

    private AuthRequests() {
    }

    record Register(
            @NotBlank @Email @Size(max = 254) @Pattern(regexp = PLAIN, message = NO_BREAKS)
            @Schema(example = "ana@example.com") String email,
            @NotEmpty @Size(max = MAX_SECRET) @Schema(format = "password", accessMode = Schema.AccessMode.WRITE_ONLY)
            String password,
            @Size(max = 100) @Pattern(regexp = PLAIN, message = NO_BREAKS) @Schema(example = "Ana") String name,
            @Pattern(regexp = "es|en") @Schema(description = "Language of mails; defaults from Accept-Language, "
                    + "else es", allowableValues = {"es", "en"}) String language) {

        @Override
        public String toString() {
            return "Register[language=" + language + "]";
        }
    }

    record Login(
            @NotBlank @Size(max = 254) @Pattern(regexp = PLAIN, message = NO_BREAKS)
            @Schema(example = "ana@tienda.local") String email,
            @NotEmpty @Size(max = MAX_SECRET) @Schema(format = "password", example = "Customer!2345") String password) {

        @Override
        public String toString() {
            return "Login[]";
        }
    }

    record RefreshToken(
            @JsonProperty("refresh_token") @NotBlank @Size(max = 200)
            @Schema(description = "The refresh token from the sign-in or the last refresh") String refreshToken) {

        @Override
        public String toString() {
            return "RefreshToken[]";
        }
    }

    record VerifyEmail(@NotBlank @Size(max = 200) @Schema(description = "The token from the verification link")
            String token) {

        @Override
        public String toString() {
            return "VerifyEmail[]";
        }
    }

    record ForgotPassword(@NotBlank @Email @Size(max = 254) @Pattern(regexp = PLAIN, message = NO_BREAKS)
            String email) {

        @Override
        public String toString() {
            return "ForgotPassword[]";
        }
    }

    record ResetPassword(
            @NotBlank @Size(max = 200) @Schema(description = "The token from the reset link") String token,
            @NotEmpty @Size(max = MAX_SECRET) @Schema(format = "password", accessMode = Schema.AccessMode.WRITE_ONLY)
            String password) {

        @Override
        public String toString() {
            return "ResetPassword[]";
        }
    }
}
