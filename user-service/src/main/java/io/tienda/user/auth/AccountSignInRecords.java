package io.tienda.user.auth;

import io.tienda.user.account.domain.SignInRecords;
import io.tienda.user.auth.domain.Secrets;
import io.tienda.user.auth.persistence.LoginAuditRepository;
import io.tienda.user.auth.persistence.OneTimeTokenRepository;
import io.tienda.user.auth.persistence.SessionRepository;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Auth's side of {@link SignInRecords}: what an account's deactivation, data export and erasure
 * need of its sessions, one-time tokens and sign-in audit. Joins the caller's transaction.
 */
@Service
class AccountSignInRecords implements SignInRecords {

    private final Sessions sessions;
    private final SessionRepository sessionStore;
    private final OneTimeTokenRepository tokens;
    private final LoginAuditRepository audit;
    private final Clock clock;

    AccountSignInRecords(Sessions sessions, SessionRepository sessionStore, OneTimeTokenRepository tokens,
            LoginAuditRepository audit, Clock clock) {
        this.sessions = sessions;
        this.sessionStore = sessionStore;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int endSessions(UUID userId) {
        tokens.invalidate(userId, OneTimeTokenRepository.RESET_PASSWORD, clock.instant());
        return sessions.revokeAll(userId, null, Sessions.DEACTIVATED);
    }

    @Override
    public List<Session> sessions(UUID userId) {
        return sessionStore.sessionsOf(userId).stream()
                .map(s -> new Session(s.id(), s.createdAt(), s.lastUsedAt(), s.expiresAt(), s.ip(), s.userAgent(),
                        s.revokedAt(), s.revokedReason()))
                .toList();
    }

    @Override
    public List<Attempt> attempts(UUID userId, String email) {
        return audit.of(userId, Secrets.emailHash(email)).stream()
                .map(e -> new Attempt(e.userId(), e.ip(), e.userAgent(), e.outcome().name(), e.at()))
                .toList();
    }

    @Override
    public void erase(UUID userId, String email) {
        audit.anonymise(userId, Secrets.emailHash(email));
        sessionStore.deleteAllOf(userId);
        tokens.deleteAllOf(userId);
    }
}
