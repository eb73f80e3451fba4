package io.tienda.user.maintenance;

import io.tienda.user.UsersProperties;
import io.tienda.user.auth.SignInCleanup;
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

    private final SignInCleanup cleanup;
    private final UsersProperties properties;
    private final Clock clock;

    Housekeeping(SignInCleanup cleanup, UsersProperties properties, Clock clock) {
        this.cleanup = cleanup;
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
        int expiredSessions = cleanup.deleteSessionsExpiredBefore(now.minus(GRACE));
        int expiredTokens = cleanup.deleteTokensExpiredBefore(now.minus(GRACE));
        int idleThrottles = cleanup.deleteThrottlesIdleSince(now.minus(quiet));
        int oldAudit = cleanup.deleteAuditOlderThan(now.minus(properties.maintenance().auditRetention()));
        if (expiredSessions + expiredTokens + idleThrottles + oldAudit > 0) {
            log.info("housekeeping deleted {} expired sessions, {} expired tokens, {} idle throttles, {} audit rows",
                    expiredSessions, expiredTokens, idleThrottles, oldAudit);
        }
    }
}
