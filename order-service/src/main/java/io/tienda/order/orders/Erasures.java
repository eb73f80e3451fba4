package io.tienda.order.orders;

import io.tienda.order.orders.domain.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * The right to erasure (GDPR art. 17): what is left of a customer's orders once they erased their account.
 * The books keep every order with its amounts, lines, dates, statuses, and the postcode and country of its
 * address (the place of supply for tax); the recipient's name, street lines and city go. An order still
 * under way keeps its address until it ends, so that it can be delivered ({@link Orders#eraseCustomer}).
 */
@Service
public class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final Orders orders;
    private final Clock clock;

    Erasures(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /** @param erasedAt when user-service erased the account; now when it did not say */
    @Transactional
    public void customerErased(String customerId, Instant erasedAt) {
        Instant now = clock.instant();
        int erased = orders.eraseCustomer(customerId, erasedAt == null ? now : erasedAt, now);
        // ids only: the customer id is opaque
        log.info("customer {} erased their account: the address of {} ended orders erased, the others' when they end",
                customerId, erased);
    }
}
