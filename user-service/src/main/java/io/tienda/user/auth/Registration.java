package io.tienda.user.auth;

import io.tienda.platform.events.Topics;
import io.tienda.platform.events.user.UserRegistered;
import io.tienda.platform.outbox.Outbox;
import io.tienda.platform.core.Roles;
import io.tienda.user.UsersProperties;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.Users;
import io.tienda.user.auth.domain.PasswordRules;
import io.tienda.user.auth.domain.Secrets;
import io.tienda.user.auth.persistence.OneTimeTokenRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sign-up and email verification. A taken email is answered with a 409: a sign-up form must say so
 * to be usable, and the gateway's per-IP limit on the auth routes bounds how fast anyone can probe
 * addresses this way. Sign-in and password reset reveal nothing.
 */
@Service
public class Registration {

    private final Users users;
    private final OneTimeTokenRepository tokens;
    private final PasswordRules rules;
    private final PasswordHasher hasher;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Duration verificationTtl;
    private final Clock clock;

    Registration(Users users, OneTimeTokenRepository tokens, PasswordRules rules, PasswordHasher hasher,
            Outbox outbox, TransactionTemplate transactions, UsersProperties properties, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.rules = rules;
        this.hasher = hasher;
        this.outbox = outbox;
        this.transactions = transactions;
        this.verificationTtl = properties.verification().ttl();
        this.clock = clock;
    }

    public record SignUp(String email, String password, String name, String language) {

        @Override
        public String toString() {
            return "SignUp[language=" + language + "]";
        }
    }

    public User register(SignUp signUp) {
        String email = signUp.email().strip();
        List<String> violations = rules.violations(signUp.password(), email);
        if (!violations.isEmpty()) {
            throw AuthProblems.weakPassword("password", violations);
        }
        // Checked before hashing so a taken address costs no Argon2 run; the unique index decides races.
        if (users.emailTaken(email)) {
            throw AuthProblems.emailTaken();
        }
        String hash = hasher.hash(signUp.password());
        UUID id = UUID.randomUUID();
        String name = signUp.name() == null || signUp.name().isBlank() ? null : signUp.name().strip();
        Instant now = clock.instant();
        try {
            transactions.executeWithoutResult(status -> {
                users.insert(new Users.NewUser(id, email, hash, name, signUp.language(),
                        List.of(Roles.CUSTOMER), null, now));
                sendVerification(id, email, name, signUp.language(), now);
            });
        } catch (DuplicateKeyException e) {
            throw AuthProblems.emailTaken();
        }
        return users.findById(id).orElseThrow();
    }

    /** Marks the email of the token's account verified; the token then stops working. */
    public void verifyEmail(String token) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            UUID userId = tokens.consume(Secrets.sha256(token), OneTimeTokenRepository.VERIFY_EMAIL, now)
                    .orElseThrow(AuthProblems::invalidToken);
            users.lockById(userId).map(user -> user.verifyEmail(now)).ifPresent(users::save);
        });
    }

    private void sendVerification(UUID id, String email, String name, String language, Instant now) {
        String token = Secrets.newToken();
        Instant expiresAt = now.plus(verificationTtl);
        tokens.replace(Secrets.sha256(token), id, OneTimeTokenRepository.VERIFY_EMAIL, now, expiresAt);
        outbox.publish(Topics.USER_EVENTS, id.toString(),
                new UserRegistered(id, email, name, language, token, expiresAt));
    }
}
