package io.tienda.user.account.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What signing in leaves behind about an account: its sessions, its one-time tokens and the sign-in
 * audit. Auth keeps them and implements this port; account declares it because it decides when they
 * end (deactivation), what of them the owner sees (the export) and when they go (erasure), and so
 * needs nothing of auth, which depends on accounts.
 */
public interface SignInRecords {

    /** A session as its owner sees it in their data export. */
    record Session(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String ip, String userAgent,
            Instant revokedAt, String revokedReason) {
    }

    /** One sign-in attempt as its owner sees it in their data export; {@code outcome} as the audit names it. */
    record Attempt(UUID userId, String ip, String userAgent, String outcome, Instant at) {
    }

    /**
     * Ends every session of a deactivated account and voids its pending password reset, which would
     * otherwise work again if the account is reactivated within the hour; joins the caller's
     * transaction. @return how many sessions ended
     */
    int endSessions(UUID userId);

    List<Session> sessions(UUID userId);

    /** The account's sign-ins, and the failed attempts on its email before or without the account. */
    List<Attempt> attempts(UUID userId, String email);

    /**
     * Erasure: sessions and tokens go, and the audit keeps that attempts happened but no longer who
     * made them or from where. {@code email} is the account's address before erasure.
     */
    void erase(UUID userId, String email);
}
