package io.tienda.order.orders;

import io.tienda.order.OrderProperties;
import io.tienda.order.orders.domain.CustomerErasure;
import io.tienda.order.orders.domain.CustomerTextCopies;
import io.tienda.order.orders.domain.Orders;
import io.tienda.order.orders.domain.StatusChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The right to erasure (GDPR art. 17): what is left of a customer's orders once they erased their account.
 * The books keep every order with its amounts, lines, dates, statuses, and the postcode and country of its
 * address (the place of supply for tax); the recipient's name, street lines and city go, and so do the
 * reasons the customer wrote (why they cancelled), here and in the copies other features keep of them
 * ({@link CustomerTextCopies}). An order still under way keeps its address until it ends, so that it can be
 * delivered ({@link Orders#eraseCustomer}); a parcel never marked delivered keeps it for
 * {@code shipped-address-retention} after it shipped ({@link #eraseShippedAddress}).
 */
@Service
public class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final Orders orders;
    private final CustomerTextCopies copies;
    private final Clock clock;
    private final Duration shippedAddressRetention;

    Erasures(Orders orders, CustomerTextCopies copies, Clock clock, OrderProperties properties) {
        this.orders = orders;
        this.copies = copies;
        this.clock = clock;
        this.shippedAddressRetention = properties.erasure().shippedAddressRetention();
    }

    /** @param erasedAt when user-service erased the account; now when it did not say */
    @Transactional
    public void customerErased(String customerId, Instant erasedAt) {
        Instant now = clock.instant();
        // The copies first, in the order the checkout takes its locks (its row, then the order's).
        copies.lock(orders.idsOf(customerId));
        CustomerErasure erased = orders.eraseCustomer(customerId, erasedAt == null ? now : erasedAt, now,
                now.minus(shippedAddressRetention));
        erased.texts().forEach(text -> copies.replace(text.orderId(), text.text(), StatusChange.ERASED));
        // ids only: the customer id is opaque
        log.info("customer {} erased their account: the address of {} ended orders erased, the others' when they end",
                customerId, erased.addresses());
    }

    /**
     * Orders of erased customers shipped longer ago than the retention and never marked delivered: the
     * carrier has had the address long enough.
     */
    @Transactional(readOnly = true)
    public List<UUID> shippedAddressesDue(int limit) {
        return orders.shippedAddressesDue(clock.instant().minus(shippedAddressRetention), limit);
    }

    /** Erases the address of one of {@link #shippedAddressesDue}; false when it is no longer due or is busy. */
    @Transactional
    public boolean eraseShippedAddress(UUID orderId) {
        Instant now = clock.instant();
        boolean erased = orders.eraseShippedAddress(orderId, now.minus(shippedAddressRetention), now);
        if (erased) {
            log.info("order {} of an erased customer shipped more than {} ago and was never delivered: address erased",
                    orderId, shippedAddressRetention);
        }
        return erased;
    }
}
