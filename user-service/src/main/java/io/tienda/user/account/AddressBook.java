package io.tienda.user.account;

import io.tienda.platform.problem.DomainException;
import io.tienda.user.account.domain.Address;
import io.tienda.user.account.domain.AddressType;
import io.tienda.user.account.domain.Users;
import io.tienda.user.account.persistence.AddressRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The address book. One default per type: making an address the default takes the flag from the
 * previous one in the same transaction, the first address of a type becomes its default, and the
 * partial unique index refuses whatever slips past (a concurrent request gets a 409).
 *
 * <p>Like the profile, the book belongs to an account that may sign in: a deactivated or erased one
 * has none, whatever access token it left behind. Every change first locks the account and checks that,
 * so a change that waited behind the erasure finds the account erased instead of storing an address
 * nothing would ever erase.
 */
@Service
public class AddressBook {

    /** Enough for anyone; bounds what one account can store. */
    public static final int MAX_ADDRESSES = 50;

    private final AddressRepository addresses;
    private final Users users;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AddressBook(AddressRepository addresses, Users users, TransactionTemplate transactions, Clock clock) {
        this.addresses = addresses;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The fields a client sends for an address. */
    public record AddressData(AddressType type, String name, String line1, String line2, String city, String region,
            String postalCode, String country, String phone, boolean isDefault) {
    }

    public List<Address> list(UUID userId) {
        users.findById(userId).filter(user -> user.status().maySignIn())
                .orElseThrow(() -> DomainException.notFound("user", userId));
        return addresses.findByUser(userId);
    }

    public Address add(UUID userId, AddressData data) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        // Read back before the commit: an erasure right after it would leave nothing to read.
        return transactions.execute(status -> {
            // Serializes changes to one user's book: the count and the default stay consistent.
            lockAccount(userId);
            if (addresses.count(userId) >= MAX_ADDRESSES) {
                throw DomainException.conflict("An address book holds at most " + MAX_ADDRESSES + " addresses");
            }
            boolean isDefault = data.isDefault() || !addresses.hasDefault(userId, data.type());
            if (isDefault) {
                addresses.clearDefault(userId, data.type(), id);
            }
            addresses.insert(address(id, userId, data, isDefault, now, now));
            return addresses.find(userId, id).orElseThrow();
        });
    }

    public Address replace(UUID userId, UUID id, AddressData data) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            lockAccount(userId);
            Address existing = addresses.find(userId, id).orElseThrow(() -> DomainException.notFound("address", id));
            if (data.isDefault()) {
                addresses.clearDefault(userId, data.type(), id);
            }
            addresses.update(address(id, userId, data, data.isDefault(), existing.createdAt(), now));
            return addresses.find(userId, id).orElseThrow();
        });
    }

    public void delete(UUID userId, UUID id) {
        transactions.executeWithoutResult(status -> {
            lockAccount(userId);
            if (!addresses.delete(userId, id)) {
                throw DomainException.notFound("address", id);
            }
        });
    }

    /** Locks the account for the rest of the transaction; one that may not sign in is not found. */
    private void lockAccount(UUID userId) {
        users.lockById(userId).filter(user -> user.status().maySignIn())
                .orElseThrow(() -> DomainException.notFound("user", userId));
    }

    private static Address address(UUID id, UUID userId, AddressData data, boolean isDefault, Instant createdAt,
            Instant updatedAt) {
        return new Address(id, userId, data.type(), data.name().strip(), data.line1().strip(),
                blankToNull(data.line2()), data.city().strip(), blankToNull(data.region()), data.postalCode().strip(),
                data.country(), blankToNull(data.phone()), isDefault, createdAt, updatedAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
