package io.tienda.user.auth;

import io.tienda.platform.problem.DomainException;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.Users;
import io.tienda.user.auth.domain.PasswordRules;
import io.tienda.user.auth.persistence.OneTimeTokenRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in user changes their password. The current password is required (a stolen access token
 * alone must not be enough to take the account over) and its checks are throttled like sign-ins.
 * Every other session ends; the caller's own, named by the {@code sid} claim of their token, stays.
 * A pending reset link dies too: it was sent to replace the old password, and whoever requested it
 * (perhaps someone with a moment in the owner's mailbox) must not be able to undo the change.
 */
@Service
public class PasswordChange {

    private final Users users;
    private final PasswordRules rules;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final OneTimeTokenRepository tokens;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PasswordChange(Users users, PasswordRules rules, PasswordHasher hasher, LoginThrottle throttle,
            Sessions sessions, OneTimeTokenRepository tokens, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.rules = rules;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return how many other sessions were ended */
    public int change(UUID userId, UUID currentSession, String currentPassword, String newPassword) {
        Instant now = clock.instant();
        Users.Credentials credentials = users.findCredentialsById(userId)
                .filter(c -> c.user().status().maySignIn())
                .orElseThrow(() -> DomainException.notFound("user", userId));
        User user = credentials.user();
        Optional<Duration> wait = throttle.beginAccountAttempt(user.email(), now);
        if (wait.isPresent()) {
            throw AuthProblems.throttled(wait.get());
        }
        if (!hasher.matches(currentPassword, credentials.passwordHash())) {
            throw AuthProblems.wrongPassword();
        }
        throttle.forgiveAccount(user.email());
        List<String> violations = rules.violations(newPassword, user.email());
        if (violations.isEmpty() && hasher.matches(newPassword, credentials.passwordHash())) {
            violations = List.of("must differ from the current password");
        }
        if (!violations.isEmpty()) {
            throw AuthProblems.weakPassword("newPassword", violations);
        }
        String newHash = hasher.hash(newPassword);
        Integer revoked = transactions.execute(status -> {
            users.updatePassword(userId, newHash, now);
            tokens.invalidate(userId, OneTimeTokenRepository.RESET_PASSWORD, now);
            return sessions.revokeAll(userId, currentSession, Sessions.PASSWORD_CHANGED);
        });
        return revoked == null ? 0 : revoked;
    }
}
