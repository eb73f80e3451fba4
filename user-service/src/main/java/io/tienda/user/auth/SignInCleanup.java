package io.tienda.user.auth;

import io.tienda.user.auth.persistence.LoginAuditRepository;
import io.tienda.user.auth.persistence.OneTimeTokenRepository;
import io.tienda.user.auth.persistence.SessionRepository;
import io.tienda.user.auth.persistence.ThrottleRepository;
import org.springframework.stereotype.Service;

import java.time.Instant;

/**
 * Deletes sign-in data past its use, for maintenance: maintenance decides when and with which
 * cut-offs, auth what each of them means for its tables. Each method answers how many rows went.
 */
@Service
public class SignInCleanup {

    private final SessionRepository sessions;
    private final OneTimeTokenRepository tokens;
    private final ThrottleRepository throttles;
    private final LoginAuditRepository audit;

    SignInCleanup(SessionRepository sessions, OneTimeTokenRepository tokens, ThrottleRepository throttles,
            LoginAuditRepository audit) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.throttles = throttles;
        this.audit = audit;
    }

    /** Sessions that expired before {@code before}, with their refresh tokens. */
    public int deleteSessionsExpiredBefore(Instant before) {
        return sessions.deleteExpired(before);
    }

    /** Verification and reset tokens that expired before {@code before}. */
    public int deleteTokensExpiredBefore(Instant before) {
        return tokens.deleteExpired(before);
    }

    /** Throttling state of keys without failures since {@code before} and no longer locked. */
    public int deleteThrottlesIdleSince(Instant before) {
        return throttles.deleteIdle(before);
    }

    /** Sign-in audit rows older than {@code before}. */
    public int deleteAuditOlderThan(Instant before) {
        return audit.deleteOlderThan(before);
    }
}
