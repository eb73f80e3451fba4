package io.tienda.cart;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param defaultCurrency   the currency of a cart that has not recorded one (ISO 4217)
 * @param userTtl           how long a signed-in shopper's cart lives after its last change
 * @param guestTtl          how long a guest cart lives after its last change
 * @param writeAttempts     how often a change is retried when another device changed the cart meanwhile
 * @param inboxRetention    how long an applied event id is remembered, to ignore its redeliveries
 * @param givesBackFor      how long after a confirmed order took units out of a cart its checkout failing still
 *                          gives them back (a checkout fails, if at all, within minutes of its confirmation)
 * @param outbox            the relay of pending events to Kafka
 */
@ConfigurationProperties("tienda.cart")
public record CartProperties(String defaultCurrency, Duration userTtl, Duration guestTtl, Integer writeAttempts,
        Duration inboxRetention, Duration givesBackFor, Outbox outbox) {

    public CartProperties {
        defaultCurrency = defaultCurrency == null ? "EUR" : defaultCurrency;
        if (!defaultCurrency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("tienda.cart.default-currency must be an ISO 4217 code: " + defaultCurrency);
        }
        userTtl = userTtl == null ? Duration.ofDays(30) : userTtl;
        guestTtl = guestTtl == null ? Duration.ofDays(7) : guestTtl;
        writeAttempts = writeAttempts == null ? 100 : writeAttempts;
        inboxRetention = inboxRetention == null ? Duration.ofDays(30) : inboxRetention;
        givesBackFor = givesBackFor == null ? Duration.ofDays(1) : givesBackFor;
        outbox = outbox == null ? new Outbox(null, null) : outbox;
    }

    /**
     * @param sweepInterval how often carts with pending events are looked for (events are normally
     *                      sent right after the change; the sweep catches what a crash or an outage left)
     * @param batch         messages sent per cart per pass
     */
    public record Outbox(Duration sweepInterval, Integer batch) {

        public Outbox {
            sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
            batch = batch == null ? 100 : batch;
        }
    }
}
