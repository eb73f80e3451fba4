package io.tienda.order.saga;

import io.tienda.order.support.OrderIT;
import io.tienda.order.support.Stubs;
import io.tienda.order.support.Stubs.Line;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.saga.PaymentAuthorized;
import io.tienda.platform.events.saga.PaymentFailed;
import io.tienda.platform.events.saga.StockCommitted;
import io.tienda.platform.events.saga.StockRejected;
import io.tienda.platform.events.saga.StockReleased;
import io.tienda.platform.events.saga.StockReserved;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The orchestrator driven through Kafka: the test plays inventory and payment, reading their
 * commands and answering on order.saga.replies. Every branch and compensation, duplicates,
 * timeouts through the sweeper, and a saga resumed after a restart.
 */
class SagaIT extends OrderIT {

    private static final Line MUG = new Line("MUG-1", 2, 1_000);

    @Autowired
    SagaSweeper sweeper;

    private String token;
    private UUID id;

    @BeforeEach
    void placeAnOrder() {
        token = TestTokens.customer(TestTokens.newCustomer());
        stubs.cart(token, MUG);
        id = place(token, checkout("pm_card_visa"));
        participants().inventory("inventory.reserve", id, 1);
    }

    private void reserve() {
        participants().reply(id, new StockReserved(id, UUID.randomUUID(), Instant.now().plusSeconds(1800)));
        participants().payment("payment.authorize", id, 1);
    }

    private void authorize() {
        reserve();
        participants().reply(id, new PaymentAuthorized(id, "pi_1", Money.of(Stubs.total(MUG), "EUR")));
        awaitStatus(id, "CONFIRMED");
        participants().inventory("inventory.commit", id, 1);
    }

    @Test
    void aRejectedReservationRejectsTheOrder() {
        participants().reply(id, new StockRejected(id, "insufficient-stock", List.of("MUG-1")));

        awaitStatus(id, "REJECTED");
        JsonNode rejected = participants().facts("order.rejected", id, 1).get(0).json();
        assertThat(rejected.get("reason").asString()).isEqualTo("insufficient-stock");
        assertThat(rejected.get("lines").get(0).get("sku").asString()).isEqualTo("MUG-1");
        assertThat(step(id)).isEqualTo("ENDED");
        assertThat(participants().all("payment.commands", id)).isEmpty();
    }

    @Test
    void aDeclinedPaymentReleasesTheStockAndCancels() {
        reserve();
        participants().reply(id, new PaymentFailed(id, "card_declined", "generic_decline"));

        awaitStatus(id, "CANCELLED");
        assertThat(participants().inventory("inventory.release", id, 1).get(0).json().get("reason").asString())
                .contains("card_declined");
        JsonNode cancelled = participants().facts("order.cancelled", id, 1).get(0).json();
        assertThat(cancelled.get("reason").asString()).contains("card_declined");
        assertThat(cancelled.get("checkoutFailed").asBoolean()).isTrue();
        // the cancellation mail names the order by the number the shopper sees, not by its id
        assertThat(cancelled.get("orderNumber").asString())
                .isEqualTo(api.get("/api/v1/orders/" + id, token).expect(200).json().get("number").asString());
        participants().reply(id, new StockReleased(id));
        awaitStep(id, "ENDED");
        assertThat(participants().all("payment.commands", id)).extracting(p -> p.type())
                .containsExactly("payment.authorize");
    }

    @Test
    void aPaymentWaitingFor3dSecureShowsTheNextActionUntilItIsAuthorised() {
        reserve();
        participants().reply(id, UUID.randomUUID(), "payment.action_required", """
                {"orderId":"%s","paymentId":"pi_1","nextActionType":"redirect_to_url",
                 "nextActionUrl":"https://hooks.stripe.com/3d_secure_2/authenticate/pi_1",
                 "clientSecret":"pi_1_secret_abc"}""".formatted(id));

        await().untilAsserted(() -> {
            JsonNode order = api.get("/api/v1/orders/" + id, token).expect(200).json();
            assertThat(order.get("status").asString()).isEqualTo("PENDING");
            assertThat(order.get("nextAction").get("type").asString()).isEqualTo("redirect_to_url");
            assertThat(order.get("nextAction").get("url").asString()).contains("3d_secure");
            assertThat(order.get("nextAction").get("clientSecret").asString()).isEqualTo("pi_1_secret_abc");
            assertThat(order.get("nextAction").get("expiresAt").asString()).isNotBlank();
        });
        JsonNode forStaff = api.get("/api/v1/orders/" + id, TestTokens.staff("SUPPORT")).expect(200).json();
        assertThat(forStaff.get("nextAction").has("clientSecret")).isFalse();

        participants().reply(id, new PaymentAuthorized(id, "pi_1", Money.of(Stubs.total(MUG), "EUR")));
        awaitStatus(id, "CONFIRMED");
        assertThat(api.get("/api/v1/orders/" + id, token).expect(200).json().has("nextAction")).isFalse();
    }

    @Test
    void aShopperWhoNeverCompletes3dSecureIsCancelledAtTheDeadline() {
        reserve();
        participants().reply(id, UUID.randomUUID(), "payment.action_required", """
                {"orderId":"%s","paymentId":"pi_1","nextActionType":"redirect_to_url",
                 "nextActionUrl":"https://3ds.example/x"}"""
                .formatted(id));
        await().until(() -> jdbc.sql("select next_action_type from orders where id = :id").param("id", id)
                .query(String.class).optional().orElse(null) != null);

        passDeadline(id);

        awaitStatus(id, "CANCELLED");
        participants().inventory("inventory.release", id, 1);
        assertThat(participants().payment("payment.void", id, 1).get(0).json().get("reason").asString())
                .isEqualTo("payment-action-timed-out");
    }

    @Test
    void aCommitAnsweredWithStockRejectedVoidsThePaymentAndCancels() {
        authorize();
        participants().reply(id, new StockRejected(id, "reservation-expired", List.of("MUG-1")));

        awaitStatus(id, "CANCELLED");
        participants().payment("payment.void", id, 1);
        // the checkout failed after the confirmation emptied the cart: carts give the goods back
        assertThat(participants().facts("order.cancelled", id, 1).get(0).json().get("checkoutFailed").asBoolean())
                .isTrue();
        assertThat(participants().all("inventory.commands", id)).extracting(p -> p.type())
                .doesNotContain("inventory.release");
        assertThat(participants().all("payment.commands", id)).extracting(p -> p.type())
                .doesNotContain("payment.capture");
    }

    @Test
    void aRefusedCaptureReleasesTheStockAndVoidsTheAuthorisation() {
        authorize();
        participants().reply(id, new StockCommitted(id));
        participants().payment("payment.capture", id, 1);
        participants().reply(id, UUID.randomUUID(), "payment.capture_failed", """
                {"orderId":"%s","paymentId":"pi_1","reason":"authorization_expired"}""".formatted(id));

        awaitStatus(id, "CANCELLED");
        participants().inventory("inventory.release", id, 1);
        participants().payment("payment.void", id, 1);
        assertThat(participants().facts("order.cancelled", id, 1).get(0).json().get("checkoutFailed").asBoolean())
                .isTrue();
        participants().reply(id, new StockReleased(id));
        participants().reply(id, UUID.randomUUID(), "payment.voided", """
                {"orderId":"%s","paymentId":"pi_1","reason":"cancelled"}""".formatted(id));
        awaitStep(id, "ENDED");
    }

    @Test
    void aReservationThatExpiresWhileThePaymentIsPendingVoidsItAndCancels() {
        reserve();
        participants().reply(id, new StockReleased(id));

        awaitStatus(id, "CANCELLED");
        participants().payment("payment.void", id, 1);
        assertThat(participants().facts("order.cancelled", id, 1).get(0).json().get("reason").asString())
                .isEqualTo("reservation-expired");
    }

    @Test
    void aReplyDeliveredTwiceIsAppliedOnce() {
        UUID eventId = UUID.randomUUID();
        String body = EventJson.write(new StockReserved(id, UUID.randomUUID(), Instant.now().plusSeconds(1800)));
        participants().reply(id, eventId, "inventory.stock_reserved", body);
        participants().reply(id, eventId, "inventory.stock_reserved", body);
        // and again under a new id, as inventory answers a resent command
        participants().reply(id, UUID.randomUUID(), "inventory.stock_reserved", body);
        participants().payment("payment.authorize", id, 1);
        participants().reply(id, new PaymentAuthorized(id, "pi_1", Money.of(Stubs.total(MUG), "EUR")));
        awaitStatus(id, "CONFIRMED");

        assertThat(participants().all("payment.commands", id)).extracting(p -> p.type())
                .containsExactly("payment.authorize");
        assertThat(count("select count(*) from tienda_inbox where consumer = 'order-saga' and event_id = :id",
                eventId)).isEqualTo(1);
    }

    @Test
    void aReplyOutOfOrderIsIgnored() {
        participants().reply(id, new StockCommitted(id));
        participants().reply(id, new PaymentAuthorized(id, "pi_1", Money.of(Stubs.total(MUG), "EUR")));
        reserve();

        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(step(id)).isEqualTo("AUTHORIZING_PAYMENT");
    }

    @Test
    void aSilentParticipantIsAskedAgainThenCompensated() {
        passDeadline(id);
        participants().inventory("inventory.reserve", id, 2);
        passDeadline(id);
        participants().inventory("inventory.reserve", id, 3);
        passDeadline(id);

        awaitStatus(id, "CANCELLED");
        participants().inventory("inventory.release", id, 1);
        assertThat(participants().facts("order.cancelled", id, 1).get(0).json().get("reason").asString())
                .isEqualTo("stock-reservation-timed-out");
    }

    @Test
    void aSagaLeftMidStepByARestartIsResumedByTheSweeper() {
        reserve();
        // The service went down after sending payment.authorize, and the reply never came: when it is
        // back the saga is past its deadline. The sweeper asks again with the same idempotency key.
        passDeadline(id);

        List<String> keys = participants().payment("payment.authorize", id, 2).stream()
                .map(p -> p.json().get("idempotencyKey").asString()).distinct().toList();
        assertThat(keys).hasSize(1);
        assertThat(count("select attempts from saga_instance where order_id = :id", id)).isEqualTo(2);
        participants().reply(id, new PaymentAuthorized(id, "pi_1", Money.of(Stubs.total(MUG), "EUR")));
        awaitStatus(id, "CONFIRMED");
    }

    @Test
    void theSweeperLeavesSagasWithinTheirDeadlineAlone() {
        sweeper.sweep();
        assertThat(step(id)).isEqualTo("RESERVING_STOCK");
        assertThat(count("select attempts from saga_instance where order_id = :id", id)).isEqualTo(1);
    }
}
