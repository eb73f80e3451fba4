package io.tienda.user.account;

import io.tienda.platform.events.Topics;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.outbox.Outbox;
import io.tienda.platform.problem.DomainException;
import io.tienda.user.account.domain.Address;
import io.tienda.user.account.domain.SignInRecords;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.Users;
import io.tienda.user.account.persistence.AddressRepository;
import io.tienda.user.account.persistence.ConsentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data subject's rights (GDPR): a copy of everything user-service holds about them (art. 15 and
 * 20), and erasure (art. 17). Erasure anonymises the account in place rather than deleting the row:
 * orders, payments and invoices elsewhere keep pointing at an id, which now resolves to nobody.
 */
@Service
public class Privacy {

    private static final Logger log = LoggerFactory.getLogger(Privacy.class);

    private final Users users;
    private final AddressRepository addresses;
    private final ConsentRepository consents;
    private final SignInRecords signIns;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Privacy(Users users, AddressRepository addresses, ConsentRepository consents, SignInRecords signIns,
            Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.addresses = addresses;
        this.consents = consents;
        this.signIns = signIns;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Everything held about the user, at one instant. */
    public record Export(Instant exportedAt, User profile, List<Address> addresses,
            List<ConsentRepository.ConsentEvent> consents, List<SignInRecords.Session> sessions,
            List<SignInRecords.Attempt> loginAudit) {
    }

    public Export export(UUID userId) {
        return transactions.execute(status -> {
            User user = users.findById(userId).filter(u -> u.status().maySignIn())
                    .orElseThrow(() -> DomainException.notFound("user", userId));
            return new Export(clock.instant(), user, addresses.findByUser(userId), consents.history(userId),
                    signIns.sessions(userId), signIns.attempts(userId, user.email()));
        });
    }

    /**
     * Anonymises the account, deletes its addresses, consents, sessions and tokens, strips the audit
     * of who and from where, and publishes {@code user.erased} for the other services, all at once.
     */
    public void erase(UUID userId) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            User user = users.lockById(userId).filter(u -> u.status().maySignIn())
                    .orElseThrow(() -> DomainException.notFound("user", userId));
            User erased = user.erase(now);
            signIns.erase(userId, user.email());
            addresses.deleteAll(userId);
            consents.deleteAll(userId);
            users.save(erased);
            outbox.publish(Topics.USER_EVENTS, userId.toString(), new UserErased(userId, now));
        });
        log.info("user {} erased their account", userId);
    }
}
