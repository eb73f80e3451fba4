package io.tienda.user.account;

import io.tienda.platform.events.Topics;
import io.tienda.platform.events.user.UserContactChanged;
import io.tienda.platform.outbox.Outbox;
import io.tienda.platform.problem.DomainException;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.Users;
import io.tienda.user.account.persistence.ConsentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The signed-in user's own profile. Accounts that are deactivated or erased have none any more. A change
 * of how to address the user (name, language) is published as {@code user.contact_changed} in the same
 * transaction, so that the mail they get next greets them correctly and in their language.
 */
@Service
public class Profiles {

    private final Users users;
    private final ConsentRepository consents;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Profiles(Users users, ConsentRepository consents, Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.consents = consents;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public User get(UUID userId) {
        return users.findById(userId).filter(user -> user.status().maySignIn())
                .orElseThrow(() -> DomainException.notFound("user", userId));
    }

    /** Applies the change; a change of marketing consent is recorded with its time as proof. */
    public User update(UUID userId, ProfileChange change) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            User user = users.lockById(userId).filter(u -> u.status().maySignIn())
                    .orElseThrow(() -> DomainException.notFound("user", userId));
            User changed = user.changeProfile(
                    change.setName() ? change.name() : user.name(),
                    change.setPhone() ? change.phone() : user.phone(),
                    change.setLanguage() ? change.language() : user.language(),
                    change.setCurrency() ? change.currency() : user.currency(),
                    change.setMarketingConsent() ? change.marketingConsent() : user.marketingConsent(),
                    now);
            if (changed.marketingConsent() != user.marketingConsent()) {
                consents.record(userId, ConsentRepository.MARKETING, changed.marketingConsent(), now);
            }
            users.save(changed);
            if (!Objects.equals(changed.email(), user.email()) || !Objects.equals(changed.name(), user.name())
                    || !Objects.equals(changed.language(), user.language())) {
                outbox.publish(Topics.USER_EVENTS, userId.toString(),
                        new UserContactChanged(userId, changed.email(), changed.name(), changed.language()));
            }
        });
        return get(userId);
    }
}
