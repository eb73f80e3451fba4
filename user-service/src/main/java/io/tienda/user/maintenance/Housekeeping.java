package io.tienda.user.maintenance;

import io.tienda.user.UsersProperties;
import io.tienda.user.auth.persistence.LoginAuditRepository;
import io.tienda.user.auth.persistence.OneTimeTokenRepository;
import io.tienda.user.auth.persistence.SessionRepository;
import io.tienda.user.auth.persistence.ThrottleRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes what nobody can use any more: sessions past their expiry, expired one-time tokens,
 * throttling state of keys that have been quiet for a day, and sign-in audit rows older than the
 * retention period. Idempotent, so every replica may run it.
 */
@Component
public class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    /** Kept a little past expiry, so a late refresh still finds its token and gets a clear refusal. */
    private static final Duration GRACE = Duration.ofDays(1);

    private final SessionRepository sessions;
    private final OneTimeTokenRepository tokens;
    private final ThrottleRepository throttles;
    private final LoginAuditRepository audit;
    private final UsersProperties properties;
    private final Clock clock;

    Housekeeping(SessionRepository sessions, OneTimeTokenRepository tokens, ThrottleRepository throttles,
            LoginAuditRepository audit, UsersProperties properties, Clock clock) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.throttles = throttles;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${tienda.users.maintenance.interval:1h}",
            fixedDelayString = "${tienda.users.maintenance.interval:1h}")
    public void run() {
        Instant now = clock.instant();
        Duration quiet = properties.loginThrottle().accountPolicy().forgetAfter()
                .compareTo(properties.loginThrottle().ipPolicy().forgetAfter()) > 0
                ? properties.loginThrottle().accountPolicy().forgetAfter()
                : properties.loginThrottle().ipPolicy().forgetAfter();
        int expiredSessions = sessions.deleteExpired(now.minus(GRACE));
        int expiredTokens = tokens.deleteExpired(now.minus(GRACE));
        int idleThrottles = throttles.deleteIdle(now.minus(quiet));
        int oldAudit = audit.deleteOlderThan(now.minus(properties.maintenance().auditRetention()));
        if (expiredSessions + expiredTokens + idleThrottles + oldAudit > 0) {
            log.info("housekeeping deleted {} expired sessions, {} expired tokens, {} idle throttles, {} audit rows",
                    expiredSessions, expiredTokens, idleThrottles, oldAudit);
        }
    }
}
