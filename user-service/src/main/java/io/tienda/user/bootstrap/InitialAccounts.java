package io.tienda.user.bootstrap;

import io.tienda.platform.core.Roles;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.user.UserContactChanged;
import io.tienda.platform.outbox.Outbox;
import io.tienda.user.UsersProperties;
import io.tienda.user.account.domain.Users;
import io.tienda.user.auth.PasswordHasher;
import io.tienda.user.auth.domain.PasswordRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Accounts that exist from the first start: the bootstrap administrator from the environment, and,
 * on a developer's machine, the demo accounts. Idempotent: an email that already has an account is
 * left alone (its password is never reset), and replicas starting together cannot create it twice.
 * These accounts never sign up, so {@code user.contact_changed} (in the transaction of the insert) is
 * how notification-service learns where to reach them.
 */
@Component
class InitialAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

    /** The local fleet's well-known accounts; their passwords are public, so only dev-mode fleets have them. */
    static final List<Demo> DEMO = List.of(
            new Demo("admin@tienda.local", "Admin!2345", "Admin", Roles.ADMIN),
            new Demo("manager@tienda.local", "Manager!2345", "Manager", Roles.MANAGER),
            new Demo("support@tienda.local", "Support!2345", "Support", Roles.SUPPORT),
            new Demo("analyst@tienda.local", "Analyst!2345", "Analyst", Roles.ANALYST),
            new Demo("ana@tienda.local", "Customer!2345", "Ana", Roles.CUSTOMER),
            new Demo("bruno@tienda.local", "Customer!2345", "Bruno", Roles.CUSTOMER));

    private static final String LANGUAGE = "es";

    record Demo(String email, String password, String name, String role) {

        @Override
        public String toString() {
            return "Demo[" + email + "]";
        }
    }

    private final UsersProperties properties;
    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordRules rules;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InitialAccounts(UsersProperties properties, Users users, PasswordHasher hasher, PasswordRules rules,
            Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.users = users;
        this.hasher = hasher;
        this.rules = rules;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        UsersProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        if (admin.configured()) {
            List<String> violations = rules.violations(admin.password(), admin.email());
            if (!violations.isEmpty()) {
                throw new IllegalStateException("TIENDA_ADMIN_PASSWORD breaks the password policy: "
                        + String.join("; ", violations));
            }
            create(admin.email().strip(), admin.password(), "Admin", Roles.ADMIN);
        }
        if (properties.demoAccounts().enabled()) {
            // Exempt from the common-password check on purpose: these must match the documented passwords.
            DEMO.forEach(demo -> create(demo.email(), demo.password(), demo.name(), demo.role()));
        }
    }

    private void create(String email, String password, String name, String role) {
        if (users.emailTaken(email)) {
            return;
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String hash = hasher.hash(password);
        try {
            transactions.executeWithoutResult(status -> {
                users.insert(new Users.NewUser(id, email, hash, name, LANGUAGE, List.of(role), now, now));
                outbox.publish(Topics.USER_EVENTS, id.toString(), new UserContactChanged(id, email, name, LANGUAGE));
            });
            log.info("created the {} account {}", role, email);
        } catch (DuplicateKeyException e) {
            // Another replica created it first.
        }
    }
}
