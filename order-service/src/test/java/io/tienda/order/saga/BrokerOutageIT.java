package io.tienda.order.saga;

import io.tienda.order.support.OrderIT;
import io.tienda.order.support.Stubs;
import io.tienda.order.support.Stubs.Line;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.PaymentAuthorized;
import io.tienda.platform.events.saga.PaymentCaptured;
import io.tienda.platform.events.saga.StockCommitted;
import io.tienda.platform.events.saga.StockReserved;
import io.tienda.platform.testing.Infra;
import io.tienda.platform.testing.messaging.EventMessages.Published;
import io.tienda.platform.testing.messaging.OutboxPublications;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes down in the middle of a checkout and while another shopper checks out. order-service
 * keeps answering, keeps the new order's command in its outbox, and once the broker is back both sagas
 * go on by themselves (the outbox's resubmission, the listeners rejoining their group) to CONFIRMED,
 * with no compensation and each step asked under one idempotency key. Runs last: it stops the JVM's
 * shared broker.
 */
@Order(Integer.MAX_VALUE)
class BrokerOutageIT extends OrderIT {

    private static final Line MUG = new Line("MUG-1", 2, 1_000);
    private static final Money TOTAL = Money.of(Stubs.total(MUG), "EUR");

    @Autowired
    DataSource dataSource;

    @Test
    void checkoutsUnderWayAndPlacedWhileTheBrokerIsDownAreConfirmedOnceItIsBack() {
        String ana = TestTokens.customer(TestTokens.newCustomer());
        stubs.cart(ana, MUG);
        UUID midway = place(ana, checkout("pm_card_visa"));
        participants().inventory("inventory.reserve", midway, 1);
        participants().reply(midway, new StockReserved(midway, UUID.randomUUID(), Instant.now().plusSeconds(1800)));
        participants().payment("payment.authorize", midway, 1);

        String luis = TestTokens.customer(TestTokens.newCustomer());
        stubs.cart(luis, MUG);
        UUID placedDuring = Infra.kafka().whileStopped(() -> {
            // the shopper half way through still reads the order
            assertThat(api.get("/api/v1/orders/" + midway, ana).expect(200).text("status")).isEqualTo("PENDING");
            // a new checkout is taken: the order and its first command commit together, the command waits
            UUID placed = place(luis, checkout("pm_card_visa"));
            assertThat(api.get("/api/v1/orders/" + placed, luis).expect(200).text("status")).isEqualTo("PENDING");
            assertThat(outbox().incomplete(placed)).isPositive();
            // the relay tried and gave up (the producer waits 5 s for the broker): the command stays behind
            await().atMost(Duration.ofSeconds(30)).until(() -> outbox().failed(placed) > 0);
            return placed;
        });

        // the order under way: the payment's answer, sent once the broker is back, is read and acted on
        participants().reply(midway, new PaymentAuthorized(midway, "pi_1", TOTAL));
        awaitStatus(midway, "CONFIRMED");
        participants().inventory("inventory.commit", midway, 1);
        participants().reply(midway, new StockCommitted(midway));
        participants().payment("payment.capture", midway, 1);
        participants().reply(midway, new PaymentCaptured(midway, "pi_1", TOTAL));
        awaitStep(midway, "ENDED");

        // the order placed during the outage: its command leaves the outbox without anyone's help
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> outbox().incomplete(placedDuring) == 0);
        completeCheckout(placedDuring, MUG);

        for (UUID order : List.of(midway, placedDuring)) {
            assertThat(status(order)).isEqualTo("CONFIRMED");
            assertThat(participants().all(Topics.INVENTORY_COMMANDS, order)).extracting(Published::type)
                    .doesNotContain("inventory.release");
            List<Published> payments = participants().all(Topics.PAYMENT_COMMANDS, order);
            assertThat(payments).extracting(Published::type).doesNotContain("payment.void", "payment.refund");
            // asked again or sent twice, a step is always the same request to payment-service
            assertThat(payments.stream().filter(p -> p.type().equals("payment.authorize"))
                    .map(p -> p.json().get("idempotencyKey").asString()).distinct()).hasSize(1);
        }
    }

    private OutboxPublications outbox() {
        return new OutboxPublications(dataSource);
    }
}
