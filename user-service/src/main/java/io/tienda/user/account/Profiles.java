package io.tienda.user.account;

import io.tienda.platform.web.ApiException;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.persistence.ConsentRepository;
import io.tienda.user.account.persistence.UserRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The signed-in user's own profile. Accounts that are deactivated or erased have none any more. */
@Service
public class Profiles {

    private final UserRepository users;
    private final ConsentRepository consents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Profiles(UserRepository users, ConsentRepository consents, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.consents = consents;
        this.transactions = transactions;
        this.clock = clock;
    }

    public User get(UUID userId) {
        return users.findById(userId).filter(user -> user.status().maySignIn())
                .orElseThrow(() -> ApiException.notFound("user", userId));
    }

    /** Applies the change; a change of marketing consent is recorded with its time as proof. */
    public User update(UUID userId, ProfileChange change) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            User user = users.lockById(userId).map(UserRepository.Credentials::user)
                    .filter(u -> u.status().maySignIn())
                    .orElseThrow(() -> ApiException.notFound("user", userId));
            boolean consent = user.marketingConsent();
            Instant consentAt = user.marketingConsentAt();
            if (change.setMarketingConsent() && change.marketingConsent() != user.marketingConsent()) {
                consent = change.marketingConsent();
                consentAt = now;
                consents.record(userId, ConsentRepository.MARKETING, consent, now);
            }
            User changed = new User(user.id(), user.email(),
                    change.setName() ? change.name() : user.name(),
                    change.setPhone() ? change.phone() : user.phone(),
                    change.setLanguage() ? change.language() : user.language(),
                    change.setCurrency() ? change.currency() : user.currency(),
                    consent, consentAt, user.roles(), user.status(), user.emailVerifiedAt(), user.createdAt(), now);
            users.updateProfile(changed, now);
        });
        return get(userId);
    }
}
