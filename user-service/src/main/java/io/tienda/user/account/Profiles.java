package io.tienda.user.account;

import io.tienda.platform.problem.DomainException;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.Users;
import io.tienda.user.account.persistence.ConsentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The signed-in user's own profile. Accounts that are deactivated or erased have none any more. */
@Service
public class Profiles {

    private final Users users;
    private final ConsentRepository consents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Profiles(Users users, ConsentRepository consents, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.consents = consents;
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
        });
        return get(userId);
    }
}
