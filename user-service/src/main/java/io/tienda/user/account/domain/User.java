package io.tienda.user.account.domain;

import io.tienda.platform.core.Roles;
import io.tienda.platform.problem.DomainException;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An account. Its password hash stays in the table: nothing that reads accounts for display needs it.
 * Immutable: each change is a method that answers the account as it is afterwards, or refuses a move
 * its {@link UserStatus} does not allow; services save what it answers.
 *
 * @param name               what to call them; null when they gave none
 * @param phone              E.164, or null
 * @param language           {@code es} or {@code en}: of mails and of the shop
 * @param currency           ISO 4217: the currency prices are shown in
 * @param marketingConsentAt when marketing consent was last given or withdrawn; null if never asked
 * @param emailVerifiedAt    when the owner proved the address is theirs; null until then
 */
public record User(UUID id, String email, String name, String phone, String language, String currency,
        boolean marketingConsent, Instant marketingConsentAt, List<String> roles, UserStatus status,
        Instant emailVerifiedAt, Instant createdAt, Instant updatedAt) {

    static final String ERASED_CANNOT_CHANGE = "An erased account cannot be changed";

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        roles = List.copyOf(roles);
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * An admin stops the account: it can no longer sign in, and whoever deactivates it ends its
     * sessions. Deactivating a deactivated account changes nothing; an erased one is refused.
     */
    public User deactivate(Instant at) {
        if (!status.adminMayChangeTo(UserStatus.DEACTIVATED)) {
            throw erasedCannotChange();
        }
        return status == UserStatus.DEACTIVATED ? this : withStatus(UserStatus.DEACTIVATED, at);
    }

    /** An admin lets a deactivated account sign in again; an active one stays as it is, an erased one is refused. */
    public User reactivate(Instant at) {
        if (!status.adminMayChangeTo(UserStatus.ACTIVE)) {
            throw erasedCannotChange();
        }
        return status == UserStatus.ACTIVE ? this : withStatus(UserStatus.ACTIVE, at);
    }

    /**
     * Replaces the roles; they apply from the next sign-in or refresh. Kept without duplicates in
     * the order of {@link AccountRoles#ALL}; at least one, all known. Erased accounts keep theirs.
     */
    public User changeRoles(Collection<String> newRoles, Instant at) {
        refuseIfErased();
        if (newRoles.isEmpty()) {
            throw DomainException.invalid("An account has at least one role");
        }
        if (!newRoles.stream().allMatch(AccountRoles::known)) {
            throw DomainException.invalid("roles must be among " + AccountRoles.ALL);
        }
        List<String> normalized = AccountRoles.normalized(new HashSet<>(newRoles));
        if (normalized.equals(roles)) {
            return this;
        }
        return new User(id, email, name, phone, language, currency, marketingConsent, marketingConsentAt,
                normalized, status, emailVerifiedAt, createdAt, at);
    }

    /** The owner proved the address is theirs. The first proof counts; later ones change nothing. */
    public User verifyEmail(Instant at) {
        refuseIfErased();
        if (emailVerifiedAt != null) {
            return this;
        }
        return new User(id, email, name, phone, language, currency, marketingConsent, marketingConsentAt, roles,
                status, at, createdAt, at);
    }

    /**
     * The owner changes their profile. Consent keeps the time it was last given or withdrawn, as
     * proof; setting it to what it already is is no new decision. Only an active account has a
     * profile to change.
     */
    public User changeProfile(String newName, String newPhone, String newLanguage, String newCurrency,
            boolean newMarketingConsent, Instant at) {
        if (!status.maySignIn()) {
            throw DomainException.conflict("Only an active account's profile can be changed");
        }
        Instant consentAt = newMarketingConsent == marketingConsent ? marketingConsentAt : at;
        return new User(id, email, newName, newPhone, newLanguage, newCurrency, newMarketingConsent, consentAt, roles,
                status, emailVerifiedAt, createdAt, at);
    }

    /**
     * Erasure (GDPR art. 17), final: every personal field goes, and the email becomes an address
     * nobody has, which frees the real one. What remains is the id, which other services hold, the
     * preferences that identify no one, and the dates.
     */
    public User erase(Instant at) {
        refuseIfErased();
        return new User(id, "erased-" + id + "@invalid", null, null, language, currency, false, null,
                List.of(Roles.CUSTOMER), UserStatus.ERASED, emailVerifiedAt, createdAt, at);
    }

    private User withStatus(UserStatus next, Instant at) {
        return new User(id, email, name, phone, language, currency, marketingConsent, marketingConsentAt, roles,
                next, emailVerifiedAt, createdAt, at);
    }

    private void refuseIfErased() {
        if (status == UserStatus.ERASED) {
            throw erasedCannotChange();
        }
    }

    private static DomainException erasedCannotChange() {
        return DomainException.conflict(ERASED_CANNOT_CHANGE);
    }
}
