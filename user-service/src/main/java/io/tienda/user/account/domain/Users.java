package io.tienda.user.account.domain;

import io.tienda.platform.core.Page;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where accounts are kept: the port account's services, sign-in (auth) and the first accounts
 * (bootstrap) go through; {@code account.persistence} implements it. Emails match by their
 * {@linkplain EmailAddresses#canonical canonical form}, whatever their case or spelling: the same form the
 * sign-in throttle counts under. Password hashes pass through as opaque strings, for auth alone.
 */
public interface Users {

    /** What sign-in needs: the account with its password hash. */
    record Credentials(User user, String passwordHash) {

        @Override
        public String toString() {
            return "Credentials[user=" + user.id() + "]";
        }
    }

    /** A new account. */
    record NewUser(UUID id, String email, String passwordHash, String name, String language,
            List<String> roles, Instant emailVerifiedAt, Instant createdAt) {

        @Override
        public String toString() {
            return "NewUser[id=" + id + ", roles=" + roles + "]";
        }
    }

    Optional<User> findById(UUID id);

    Optional<User> findByEmail(String email);

    Optional<Credentials> findCredentialsById(UUID id);

    Optional<Credentials> findCredentialsByEmail(String email);

    /** The account, locked against concurrent changes until the transaction ends. */
    Optional<User> lockById(UUID id);

    boolean emailTaken(String email);

    /** Fails with the store's duplicate-key exception when the email already has an account. */
    void insert(NewUser user);

    /**
     * Writes the account as the aggregate now holds it (after one of {@link User}'s changes). An
     * erased account also loses its password hash, so that no password matches it any more.
     */
    void save(User user);

    void updatePassword(UUID id, String hash, Instant at);

    /** Replaces a hash made with weaker parameters; only if it is still the one that was checked. */
    void upgradeHash(UUID id, String oldHash, String newHash);

    /** Newest first; {@code query} matches email or name, case-insensitively, anywhere in them. */
    Page<User> search(String query, String role, UserStatus status, int page, int size);
}
