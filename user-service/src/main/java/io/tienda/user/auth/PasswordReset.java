package io.tienda.user.auth;

import io.tienda.platform.events.Topics;
import io.tienda.platform.events.user.PasswordResetRequested;
import io.tienda.platform.outbox.Outbox;
import io.tienda.user.UsersProperties;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.Users;
import io.tienda.user.auth.domain.PasswordRules;
import io.tienda.user.auth.domain.Secrets;
import io.tienda.user.auth.persistence.OneTimeTokenRepository;
import io.tienda.user.auth.persistence.PasswordResetRequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Forgotten passwords. A request only queues the typed address, so it does the same work, answers
 * the same and takes the same time whether or not an account has that address. A background worker
 * (any replica; rows are claimed with SKIP LOCKED) then issues a single-use token and publishes
 * {@code user.password_reset_requested} for accounts that exist and are active, at most
 * {@code max-per-hour} times per account so nobody can flood someone's inbox.
 */
@Service
public class PasswordReset {

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);
    private static final int BATCH = 50;

    private final PasswordResetRequestRepository requests;
    private final OneTimeTokenRepository tokens;
    private final Users users;
    private final PasswordRules rules;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final UsersProperties.PasswordReset settings;
    private final Clock clock;

    PasswordReset(PasswordResetRequestRepository requests, OneTimeTokenRepository tokens, Users users,
            PasswordRules rules, PasswordHasher hasher, Sessions sessions, LoginThrottle throttle, Outbox outbox,
            TransactionTemplate transactions, UsersProperties properties, Clock clock) {
        this.requests = requests;
        this.tokens = tokens;
        this.users = users;
        this.rules = rules;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.outbox = outbox;
        this.transactions = transactions;
        this.settings = properties.passwordReset();
        this.clock = clock;
    }

    /** Queues the request; the caller learns nothing about the address. */
    public void forgot(String email) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> requests.enqueue(email.strip(), now));
    }

    /** Turns queued requests into reset tokens and events; returns how many requests it handled. */
    @Scheduled(fixedDelayString = "${tienda.users.password-reset.poll-interval:1s}")
    public int processQueue() {
        int handled = 0;
        while (true) {
            Integer batch = transactions.execute(status -> {
                List<PasswordResetRequestRepository.Request> claimed = requests.claim(BATCH);
                claimed.forEach(request -> {
                    issue(request);
                    requests.delete(request.id());
                });
                return claimed.size();
            });
            handled += batch == null ? 0 : batch;
            if (batch == null || batch < BATCH) {
                return handled;
            }
        }
    }

    private void issue(PasswordResetRequestRepository.Request request) {
        User user = users.findByEmail(request.email()).orElse(null);
        if (user == null || !user.status().maySignIn()) {
            return;
        }
        Instant now = clock.instant();
        if (tokens.issuedSince(user.id(), OneTimeTokenRepository.RESET_PASSWORD, now.minus(Duration.ofHours(1)))
                >= settings.maxPerHour()) {
            log.info("password reset for user {} not sent: {} already sent in the last hour", user.id(),
                    settings.maxPerHour());
            return;
        }
        String token = Secrets.newToken();
        Instant expiresAt = now.plus(settings.ttl());
        tokens.replace(Secrets.sha256(token), user.id(), OneTimeTokenRepository.RESET_PASSWORD, now, expiresAt);
        outbox.publish(Topics.USER_EVENTS, user.id().toString(), new PasswordResetRequested(user.id(), user.email(),
                user.name(), user.language(), token, expiresAt));
    }

    /**
     * Sets a new password with a reset token. Receiving the mail proves the address, so the email
     * becomes verified; every session ends, and a lockout on the account is lifted.
     */
    public void reset(String token, String newPassword) {
        Instant now = clock.instant();
        byte[] hash = Secrets.sha256(token);
        UUID owner = tokens.peek(hash, OneTimeTokenRepository.RESET_PASSWORD, now)
                .orElseThrow(AuthProblems::invalidToken);
        User user = users.findById(owner).filter(u -> u.status().maySignIn())
                .orElseThrow(AuthProblems::invalidToken);
        List<String> violations = rules.violations(newPassword, user.email());
        if (!violations.isEmpty()) {
            // The token stays usable: the owner only has to pick a better password.
            throw AuthProblems.weakPassword("password", violations);
        }
        String newHash = hasher.hash(newPassword);
        transactions.executeWithoutResult(status -> {
            UUID consumedFor = tokens.consume(hash, OneTimeTokenRepository.RESET_PASSWORD, now)
                    .orElseThrow(AuthProblems::invalidToken);
            users.updatePassword(consumedFor, newHash, now);
            users.lockById(consumedFor).map(account -> account.verifyEmail(now)).ifPresent(users::save);
            sessions.revokeAll(consumedFor, null, Sessions.PASSWORD_RESET);
        });
        throttle.forgiveAccount(user.email());
    }
}
