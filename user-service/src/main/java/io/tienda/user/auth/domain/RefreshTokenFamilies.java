package io.tienda.user.auth.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The rules for presenting a refresh token. A sign-in starts a family (a session); each refresh
 * marks the presented token used and issues its successor in the same family. A token is good
 * exactly once: presenting one that was already exchanged means two parties hold the chain (the
 * token leaked), so the whole family is revoked and both must sign in again. Two refreshes racing
 * with the same token are treated the same way: the first wins and the second revokes the family,
 * because a server cannot tell a client's race from a thief's replay.
 */
public final class RefreshTokenFamilies {

    private RefreshTokenFamilies() {
    }

    /** A refresh token as stored, with the state of its family. */
    public record Presented(Instant expiresAt, Instant usedAt, Instant familyRevokedAt, boolean userMaySignIn) {

        public Presented {
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    public enum Outcome {
        /** Mark the token used and issue its successor. */
        ROTATE(false),
        /** The token was already exchanged: revoke the family. */
        REUSE_DETECTED(true),
        /** The family was revoked earlier (logout, reuse, password change...): refuse. */
        FAMILY_REVOKED(false),
        /** Too old: refuse; the family simply ends. */
        EXPIRED(false),
        /** The account was deactivated or erased: revoke the family. */
        ACCOUNT_INACTIVE(true);

        private final boolean revokesFamily;

        Outcome(boolean revokesFamily) {
            this.revokesFamily = revokesFamily;
        }

        public boolean revokesFamily() {
            return revokesFamily;
        }
    }

    public static Outcome present(Presented token, Instant now) {
        if (token.familyRevokedAt() != null) {
            return Outcome.FAMILY_REVOKED;
        }
        if (token.usedAt() != null) {
            return Outcome.REUSE_DETECTED;
        }
        if (!now.isBefore(token.expiresAt())) {
            return Outcome.EXPIRED;
        }
        if (!token.userMaySignIn()) {
            return Outcome.ACCOUNT_INACTIVE;
        }
        return Outcome.ROTATE;
    }
}
