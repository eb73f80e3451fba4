package io.tienda.user.auth;

import io.tienda.user.account.domain.EmailAddresses;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.Users;
import io.tienda.user.auth.domain.Secrets;
import io.tienda.user.auth.persistence.LoginAuditRepository;
import io.tienda.user.auth.persistence.LoginAuditRepository.Outcome;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Password sign-in. The answer to a wrong password and to an unknown email is the same, and costs
 * the same (an Argon2 check against a dummy hash). Accounts whose email is not verified yet may
 * sign in: shoppers can buy right after signing up, and the {@code email_verified} claim lets a
 * service demand a verified address where it matters.
 */
@Service
public class LoginService {

    private final Users users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final LoginAuditRepository audit;
    private final Clock clock;

    LoginService(Users users, PasswordHasher hasher, LoginThrottle throttle, Sessions sessions,
            LoginAuditRepository audit, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The typed email is brought to its canonical form once, and that form is what the throttle counts,
     * the audit records (hashed) and the account is looked up by: no spelling reaches an account under a
     * throttling key of its own.
     */
    public TokenPair login(String typedEmail, String password, Client client) {
        Instant now = clock.instant();
        String email = EmailAddresses.canonical(typedEmail);
        String emailHash = Secrets.emailHash(email);
        Optional<Duration> wait = throttle.ipWait(client.ip(), now).or(() -> throttle.beginAccountAttempt(email, now));
        if (wait.isPresent()) {
            audit.record(null, emailHash, client.ip(), client.userAgent(), Outcome.THROTTLED, now);
            throw AuthProblems.throttled(wait.get());
        }
        Optional<Users.Credentials> found = users.findCredentialsByEmail(email);
        boolean matches = found.map(c -> hasher.matches(password, c.passwordHash())).orElseGet(() -> {
            hasher.matchNothing(password);
            return false;
        });
        if (!matches) {
            throttle.ipFailed(client.ip(), now);
            audit.record(found.map(c -> c.user().id()).orElse(null), emailHash, client.ip(), client.userAgent(),
                    Outcome.INVALID_CREDENTIALS, now);
            throw AuthProblems.invalidCredentials();
        }
        throttle.forgiveAccount(email);
        Users.Credentials credentials = found.get();
        User user = credentials.user();
        if (!user.status().maySignIn()) {
            audit.record(user.id(), emailHash, client.ip(), client.userAgent(), Outcome.DEACTIVATED, now);
            throw AuthProblems.deactivated();
        }
        if (hasher.needsRehash(credentials.passwordHash())) {
            users.upgradeHash(user.id(), credentials.passwordHash(), hasher.hash(password));
        }
        TokenPair tokens = sessions.start(user, client);
        audit.record(user.id(), emailHash, client.ip(), client.userAgent(), Outcome.SUCCESS, now);
        return tokens;
    }
}
