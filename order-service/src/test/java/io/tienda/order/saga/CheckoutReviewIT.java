package io.tienda.order.saga;

import io.micrometer.core.instrument.MeterRegistry;
import io.tienda.order.support.OrderIT;
import io.tienda.order.support.Stubs;
import io.tienda.order.support.Stubs.Line;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.events.saga.PaymentVoided;
import io.tienda.platform.events.saga.StockReleased;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a checkout saga leaves for operations, through the API staff use: one order's checkout, the
 * list of those that need attention, their resolution, and late acknowledgements after the saga gave
 * up, with the test playing inventory and payment on Kafka.
 */
class CheckoutReviewIT extends OrderIT {

    private static final Line MUG = new Line("MUG-1", 1, 1_500);

    private final String manager = TestTokens.staff("MANAGER");
    private final String support = TestTokens.staff("SUPPORT");
    private String token;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void shopper() {
        token = TestTokens.customer(TestTokens.newCustomer());
        stubs.cart(token, MUG);
    }

    /** The shopper cancels the paid order; the saga asks for the release and the refund, whose key it answers. */
    private String cancelAndAwaitTheRefund(UUID id) {
        api.post("/api/v1/orders/" + id + "/cancellation", token, Map.of("reason", "changed my mind")).expect(200);
        participants().inventory("inventory.release", id, 1);
        return participants().payment("payment.refund", id, 1).get(0).json().get("refundKey").asString();
    }

    /** A paid order cancelled: the stock's release acknowledged, the refund asked for and refused. */
    private UUID refusedRefund() {
        UUID id = completedOrder(token, MUG);
        String key = cancelAndAwaitTheRefund(id);
        participants().reply(id, new StockReleased(id));
        participants().reply(id, new PaymentRefundFailed(id, "pi_1", null, Money.of(Stubs.total(MUG), "EUR"),
                "expired_or_canceled_card", key));
        awaitStep(id, "ENDED");
        return id;
    }

    /** The compensating saga's deadline passes until it gives up waiting for what it sent. */
    private void giveUp(UUID id) {
        for (int attempt = 2; attempt <= 3; attempt++) {
            int expected = attempt;
            passDeadline(id);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("select attempts from saga_instance where order_id = :id", id) == expected);
        }
        passDeadline(id);
        awaitStep(id, "ENDED");
    }

    private JsonNode checkout(UUID id) {
        return api.get("/api/v1/orders/" + id + "/checkout", support).expect(200).json();
    }

    private List<String> attention(UUID id) {
        return checkout(id).get("attention").valueStream().map(JsonNode::asString).toList();
    }

    private List<String> listed() {
        return api.get("/api/v1/orders/checkouts/attention?size=100", support).expect(200).json().get("items")
                .valueStream().map(item -> item.get("orderId").asString()).toList();
    }

    private double gauge() {
        return meters.get("orders.checkouts.attention").gauge().value();
    }

    @Test
    void aRefusedRefundIsListedForStaffUntilAManagerResolvesIt() {
        UUID id = refusedRefund();

        JsonNode view = checkout(id);
        assertThat(view.get("orderStatus").asString()).isEqualTo("CANCELLED");
        assertThat(view.get("orderNumber").asString()).startsWith("TND-");
        assertThat(view.get("step").asString()).isEqualTo("ENDED");
        assertThat(view.get("outcome").asString()).isEqualTo("CANCELLED");
        // the customer's words are in the order's history, not in the checkout
        assertThat(view.get("reason").asString()).isEqualTo("cancelled by customer");
        assertThat(view.get("refund").asString()).isEqualTo("REFUSED");
        assertThat(view.get("awaiting").isEmpty()).isTrue();
        assertThat(view.get("needsAttention").asBoolean()).isTrue();
        assertThat(view.has("resolution")).isFalse();
        assertThat(attention(id)).containsExactly("REFUND_REFUSED");
        assertThat(listed()).contains(id.toString());
        JsonNode item = api.get("/api/v1/orders/checkouts/attention?size=100", support).expect(200).json().get("items")
                .valueStream().filter(listedItem -> listedItem.get("orderId").asString().equals(id.toString()))
                .findFirst().orElseThrow();
        assertThat(item.get("orderNumber").asString()).isEqualTo(view.get("orderNumber").asString());
        assertThat(item.get("orderStatus").asString()).isEqualTo("CANCELLED");
        assertThat(item.get("refund").asString()).isEqualTo("REFUSED");
        double before = gauge();
        assertThat(before).isGreaterThanOrEqualTo(1);

        // the shopper and support staff may look (support) but not resolve
        api.get("/api/v1/orders/" + id + "/checkout", token).expect(403);
        api.get("/api/v1/orders/checkouts/attention", token).expect(403);
        api.post("/api/v1/orders/" + id + "/checkout/resolution", support, Map.of("note", "called the bank"))
                .expect(403);

        // the shopper's order says the refund failed until staff pay it another way and say so
        assertThat(view.get("shopperRefund").asString()).isEqualTo("FAILED");
        assertThat(refund(token, id).get("status").asString()).isEqualTo("FAILED");
        JsonNode resolved = api.post("/api/v1/orders/" + id + "/checkout/resolution", manager,
                Map.of("note", "  refunded by bank transfer, ticket 4411 ", "refunded", true)).expect(200).json();
        assertThat(resolved.get("needsAttention").asBoolean()).isFalse();
        assertThat(resolved.get("refund").asString()).as("the saga's own view stands").isEqualTo("REFUSED");
        assertThat(resolved.get("shopperRefund").asString()).isEqualTo("REFUNDED");
        assertThat(refund(token, id).get("status").asString()).isEqualTo("REFUNDED");
        JsonNode settled = participants().facts("order.refund_settled", id, 1).get(0).json();
        assertThat(settled.get("orderNumber").asString()).isEqualTo(view.get("orderNumber").asString());
        assertThat(settled.get("amount").get("amount").asLong()).isEqualTo(Stubs.total(MUG));
        assertThat(settled.get("amount").get("currency").asString()).isEqualTo("EUR");
        assertThat(settled.get("settledAt").asString()).isNotBlank();
        assertThat(resolved.get("attention").valueStream().map(JsonNode::asString)).containsExactly("REFUND_REFUSED");
        assertThat(resolved.get("resolution").get("note").asString()).isEqualTo("refunded by bank transfer, ticket 4411");
        assertThat(resolved.get("resolution").get("by").asString()).isNotBlank();
        assertThat(resolved.get("resolution").get("at").asString()).isNotBlank();
        assertThat(listed()).doesNotContain(id.toString());
        assertThat(gauge()).isEqualTo(before - 1);

        // once is enough: a second resolution says who did it, and changes nothing
        assertThat(api.post("/api/v1/orders/" + id + "/checkout/resolution", manager, Map.of("note", "again"))
                .expectProblem(409, "nothing-to-resolve").text("detail")).contains("already resolved");
        assertThat(checkout(id).get("resolution").get("note").asString())
                .isEqualTo("refunded by bank transfer, ticket 4411");
    }

    /**
     * Staff refunded 600 of the order before the shopper cancelled it: payment-service reversed only the
     * rest, and the bank handed that back. The shopper, staff and the fact all name the rest, not the total.
     */
    @Test
    void aRefundOfWhatWasLeftIsShownAndSettledForThatAmount() {
        UUID id = completedOrder(token, MUG);
        long rest = Stubs.total(MUG) - 600;
        String key = cancelAndAwaitTheRefund(id);
        assertThat(refund(token, id).get("amount").asLong()).as("asked for, not answered").isEqualTo(Stubs.total(MUG));
        assertThat(checkout(id).get("refundDue").get("amount").asLong()).isEqualTo(Stubs.total(MUG));

        participants().reply(id, new StockReleased(id));
        participants().reply(id, new PaymentRefunded(id, "pi_1", "rf_1", Money.of(rest, "EUR"), key));
        awaitStep(id, "ENDED");
        assertThat(refund(token, id).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refund(token, id).get("amount").asLong()).isEqualTo(rest);
        participants().reply(id, new PaymentRefundFailed(id, "pi_1", "rf_1", Money.of(rest, "EUR"),
                "expired_or_canceled_card", key));
        await().atMost(Duration.ofSeconds(30)).until(() -> refund(token, id).get("status").asString().equals("FAILED"));

        JsonNode refund = refund(token, id);
        assertThat(refund.get("amount").asLong()).isEqualTo(rest);
        assertThat(refund.get("currency").asString()).isEqualTo("EUR");
        JsonNode view = checkout(id);
        assertThat(view.get("refund").asString()).isEqualTo("REFUSED");
        assertThat(view.get("refundDue").get("amount").asLong()).isEqualTo(rest);
        assertThat(view.get("refundDue").get("currency").asString()).isEqualTo("EUR");

        api.post("/api/v1/orders/" + id + "/checkout/resolution", manager,
                Map.of("note", "rest refunded by bank transfer", "refunded", true)).expect(200);
        assertThat(refund(token, id).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refund(token, id).get("amount").asLong()).isEqualTo(rest);
        JsonNode settled = participants().facts("order.refund_settled", id, 1).get(0).json();
        assertThat(settled.get("amount").get("amount").asLong()).isEqualTo(rest);
        assertThat(settled.get("amount").get("currency").asString()).isEqualTo("EUR");
    }

    /**
     * A manager who paid less than the refund's amount another way says how much: the order, the fact and so
     * payment-service's ledger carry that. More than the refund is for, or an amount without
     * {@code refunded: true}, changes nothing.
     */
    @Test
    void aManagerWhoPaidPartOfTheRefundAnotherWaySaysHowMuch() {
        UUID id = refusedRefund();
        String path = "/api/v1/orders/" + id + "/checkout/resolution";

        assertThat(api.post(path, manager, Map.of("note", "paid", "refunded", true, "amount", Stubs.total(MUG) + 1))
                .expectProblem(409, "refund-exceeds-due").text("detail")).contains(String.valueOf(Stubs.total(MUG)));
        api.post(path, manager, Map.of("note", "paid", "amount", 100)).expectProblem(400, "invalid-parameter");
        api.post(path, manager, Map.of("note", "paid", "refunded", false, "amount", 100))
                .expectProblem(400, "invalid-parameter");
        for (Object bad : new Object[] {0, -5, 100_000_000_001L}) {
            api.post(path, manager, Map.of("note", "paid", "refunded", true, "amount", bad))
                    .expectProblem(400, "validation");
        }
        for (Object bad : new Object[] {"abc", 12.5, List.of(100)}) {
            api.post(path, manager, Map.of("note", "paid", "refunded", true, "amount", bad)).expect(400);
        }
        assertThat(refund(token, id).get("status").asString()).isEqualTo("FAILED");
        assertThat(listed()).contains(id.toString());
        assertThat(participants().all("order.events", id)).extracting(p -> p.type())
                .doesNotContain("order.refund_settled");

        JsonNode resolved = api.post(path, manager,
                Map.of("note", "1200 by bank transfer, 300 as store credit", "refunded", true, "amount", 1200))
                .expect(200).json();
        assertThat(resolved.get("shopperRefund").asString()).isEqualTo("REFUNDED");
        assertThat(resolved.get("refundDue").get("amount").asLong()).as("what it was for").isEqualTo(Stubs.total(MUG));
        assertThat(refund(token, id).get("amount").asLong()).isEqualTo(1200);
        assertThat(participants().facts("order.refund_settled", id, 1).get(0).json().get("amount").get("amount")
                .asLong()).isEqualTo(1200);
    }

    @Test
    void aCheckoutWithoutARefundShowsNoRefundDue() {
        UUID id = completedOrder(token, MUG);
        assertThat(checkout(id).has("refundDue")).isFalse();
        assertThat(refund(token, id).isMissingNode()).isTrue();
    }

    /** Two managers resolving the same checkout at the same moment: one resolution, one 409. */
    @Test
    void twoResolutionsAtOnceMakeOne() throws Exception {
        UUID id = refusedRefund();
        String other = TestTokens.staff("ADMIN");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String staff : List.of(manager, other)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/orders/" + id + "/checkout/resolution", staff,
                            Map.of("note", "resolved by " + staff.hashCode())).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from saga_instance where order_id = :id and resolved_at is not null", id))
                .isEqualTo(1);
    }

    /**
     * A manager resolves a refused refund first (the customer is called) and pays it by bank transfer later:
     * the payment replaces the first resolution, once.
     */
    @Test
    void aRefundResolvedBeforeItWasPaidCanStillBeMarkedPaidOnce() {
        UUID id = refusedRefund();
        api.post("/api/v1/orders/" + id + "/checkout/resolution", manager, Map.of("note", "called the customer"))
                .expect(200);
        assertThat(refund(token, id).get("status").asString()).isEqualTo("FAILED");
        api.post("/api/v1/orders/" + id + "/checkout/resolution", manager, Map.of("note", "again"))
                .expectProblem(409, "nothing-to-resolve");

        JsonNode paid = api.post("/api/v1/orders/" + id + "/checkout/resolution", manager,
                Map.of("note", "bank transfer sent, ticket 4412", "refunded", true)).expect(200).json();
        assertThat(paid.get("resolution").get("note").asString()).isEqualTo("bank transfer sent, ticket 4412");
        assertThat(paid.get("needsAttention").asBoolean()).isFalse();
        assertThat(paid.get("shopperRefund").asString()).isEqualTo("REFUNDED");
        assertThat(refund(token, id).get("status").asString()).isEqualTo("REFUNDED");
        participants().facts("order.refund_settled", id, 1);

        // paid once: a second payment is refused and changes nothing
        assertThat(api.post("/api/v1/orders/" + id + "/checkout/resolution", manager,
                Map.of("note", "paid twice?", "refunded", true)).expectProblem(409, "no-outstanding-refund")
                .text("detail")).contains("already paid another way");
        assertThat(checkout(id).get("resolution").get("note").asString()).isEqualTo("bank transfer sent, ticket 4412");
        assertThat(participants().all("order.events", id)).extracting(p -> p.type())
                .containsOnlyOnce("order.refund_settled");
    }

    @Test
    void aCheckoutThatNeedsNothingCannotBeResolvedAndBadNotesChangeNothing() {
        UUID done = completedOrder(token, MUG);
        JsonNode view = checkout(done);
        assertThat(view.get("outcome").asString()).isEqualTo("COMPLETED");
        assertThat(view.get("refund").asString()).isEqualTo("NONE");
        assertThat(view.get("attention").isEmpty()).isTrue();
        assertThat(view.get("needsAttention").asBoolean()).isFalse();
        api.post("/api/v1/orders/" + done + "/checkout/resolution", manager, Map.of("note", "nothing"))
                .expectProblem(409, "nothing-to-resolve");

        UUID id = refusedRefund();
        for (String note : new String[] {"", "   ", "line one\nline two", "tab\there", "x".repeat(501)}) {
            api.post("/api/v1/orders/" + id + "/checkout/resolution", manager, Map.of("note", note))
                    .expectProblem(400, "validation");
        }
        api.post("/api/v1/orders/" + id + "/checkout/resolution", manager, Map.of()).expectProblem(400, "validation");
        for (Object refunded : new Object[] {"yes", 1, "true"}) {
            api.post("/api/v1/orders/" + id + "/checkout/resolution", manager,
                    Map.of("note", "paid", "refunded", refunded)).expectProblem(400, "invalid-field-type");
        }
        assertThat(checkout(id).get("needsAttention").asBoolean()).isTrue();

        api.get("/api/v1/orders/" + UUID.randomUUID() + "/checkout", support).expectProblem(404, "not-found");
        api.post("/api/v1/orders/" + UUID.randomUUID() + "/checkout/resolution", manager, Map.of("note", "x"))
                .expectProblem(404, "not-found");
        api.get("/api/v1/orders/not-a-uuid/checkout", support).expect(400);
        api.get("/api/v1/orders/checkouts/attention?size=0", support).expectProblem(400, "validation");
        api.get("/api/v1/orders/checkouts/attention?page=-1", support).expectProblem(400, "validation");
    }

    /**
     * The saga gives up waiting for the release and the refund of a cancelled paid order; staff resolve
     * that. The release acknowledged late clears its part and the resolution stands; the refund's failure
     * arriving late is something new, so the checkout is listed again.
     */
    @Test
    void lateAnswersAfterTheSagaGaveUpClearWhatTheyAcknowledgeAndAnythingNewIsListedAgain() {
        UUID id = completedOrder(token, MUG);
        String key = cancelAndAwaitTheRefund(id);
        assertThat(checkout(id).get("refund").asString()).isEqualTo("REQUESTED");
        assertThat(checkout(id).get("needsAttention").asBoolean()).isFalse();

        assertThat(refund(token, id).get("status").asString()).isEqualTo("PENDING");

        giveUp(id);
        JsonNode gaveUp = checkout(id);
        assertThat(gaveUp.get("refund").asString()).isEqualTo("UNCONFIRMED");
        // for the shopper the refund is still on its way while staff find out
        assertThat(refund(token, id).get("status").asString()).isEqualTo("PENDING");
        assertThat(gaveUp.get("awaiting").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("RELEASE_STOCK", "REFUND_PAYMENT");
        assertThat(attention(id)).containsExactlyInAnyOrder("STOCK_RELEASE_UNCONFIRMED", "REFUND_UNCONFIRMED");
        assertThat(listed()).contains(id.toString());
        api.post("/api/v1/orders/" + id + "/checkout/resolution", manager, Map.of("note", "checking with payments"))
                .expect(200);

        participants().reply(id, new StockReleased(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> attention(id).equals(List.of("REFUND_UNCONFIRMED")));
        JsonNode released = checkout(id);
        assertThat(released.get("step").asString()).isEqualTo("ENDED");
        assertThat(released.has("deadline")).isFalse();
        assertThat(released.get("needsAttention").asBoolean()).isFalse();
        assertThat(listed()).doesNotContain(id.toString());

        participants().reply(id, new PaymentRefundFailed(id, "pi_1", "re_1", Money.of(Stubs.total(MUG), "EUR"),
                "expired_or_canceled_card", key));
        await().atMost(Duration.ofSeconds(30)).until(() -> attention(id).equals(List.of("REFUND_REFUSED")));
        JsonNode refused = checkout(id);
        assertThat(refused.get("refund").asString()).isEqualTo("REFUSED");
        assertThat(refund(token, id).get("status").asString()).isEqualTo("FAILED");
        assertThat(refused.get("needsAttention").asBoolean()).isTrue();
        assertThat(refused.has("resolution")).isFalse();
        assertThat(listed()).contains(id.toString());
        // giving up sent nothing more, and neither did the late answers
        assertThat(participants().all("payment.commands", id)).extracting(p -> p.type())
                .containsExactly("payment.authorize", "payment.capture", "payment.refund", "payment.refund",
                        "payment.refund");
    }

    /**
     * A manager pays a refund the saga gave up on another way; the provider's refund then succeeds after all.
     * The shopper got the money twice: the checkout is listed again, its resolution cleared.
     */
    @Test
    void aRefundPaidAnotherWayThatThenSucceedsIsListedAgainAsPaidTwice() {
        UUID id = completedOrder(token, MUG);
        String key = cancelAndAwaitTheRefund(id);
        participants().reply(id, new StockReleased(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> checkout(id).get("awaiting").size() == 1);
        giveUp(id);
        assertThat(attention(id)).containsExactly("REFUND_UNCONFIRMED");
        api.post("/api/v1/orders/" + id + "/checkout/resolution", manager,
                Map.of("note", "paid by bank transfer", "refunded", true)).expect(200);
        assertThat(listed()).doesNotContain(id.toString());
        assertThat(refund(token, id).get("status").asString()).isEqualTo("REFUNDED");

        participants().reply(id, new PaymentRefunded(id, "pi_1", "re_1", Money.of(Stubs.total(MUG), "EUR"), key));
        await().atMost(Duration.ofSeconds(30)).until(() -> attention(id).equals(List.of("REFUND_PAID_TWICE")));
        JsonNode twice = checkout(id);
        assertThat(twice.get("refund").asString()).isEqualTo("REFUNDED");
        assertThat(twice.get("needsAttention").asBoolean()).isTrue();
        assertThat(twice.has("resolution")).isFalse();
        assertThat(listed()).contains(id.toString());
        assertThat(refund(token, id).get("status").asString()).isEqualTo("REFUNDED");
    }

    /**
     * A manager pays a refund the saga gave up on another way. Late answers then never tell the shopper it
     * failed: the provider failing it leaves it paid, and payment-service answering the late reversal
     * nothing-to-refund (the money paid another way is in its ledger) only acknowledges it, not paid twice.
     */
    @Test
    void aRefundPaidAnotherWayStaysPaidForTheShopperWhateverComesLate() {
        UUID failedLate = completedOrder(token, MUG);
        UUID nothingLeft = completedOrder(token, MUG);
        Map<UUID, String> keys = new java.util.HashMap<>();
        for (UUID id : List.of(failedLate, nothingLeft)) {
            keys.put(id, cancelAndAwaitTheRefund(id));
            participants().reply(id, new StockReleased(id));
            await().atMost(Duration.ofSeconds(30)).until(() -> checkout(id).get("awaiting").size() == 1);
            giveUp(id);
            api.post("/api/v1/orders/" + id + "/checkout/resolution", manager,
                    Map.of("note", "paid by bank transfer", "refunded", true)).expect(200);
            assertThat(refund(token, id).get("status").asString()).isEqualTo("REFUNDED");
        }

        participants().reply(failedLate, new PaymentRefundFailed(failedLate, "pi_1", "re_1",
                Money.of(Stubs.total(MUG), "EUR"), "expired_or_canceled_card", keys.get(failedLate)));
        participants().reply(nothingLeft, new PaymentRefundFailed(nothingLeft, null, null,
                Money.of(Stubs.total(MUG), "EUR"), "nothing-to-refund: 1500 was paid back outside the provider",
                keys.get(nothingLeft)));

        await().atMost(Duration.ofSeconds(30)).until(() -> checkout(failedLate).get("refund").asString()
                .equals("REFUSED"));
        JsonNode refund = refund(token, failedLate);
        assertThat(refund.get("status").asString()).as("staff paid it").isEqualTo("REFUNDED");
        assertThat(refund.get("amount").asLong()).isEqualTo(Stubs.total(MUG));
        assertThat(checkout(failedLate).get("shopperRefund").asString()).isEqualTo("REFUNDED");

        await().atMost(Duration.ofSeconds(30)).until(() -> checkout(nothingLeft).get("awaiting").isEmpty());
        JsonNode acknowledged = checkout(nothingLeft);
        assertThat(acknowledged.get("refund").asString()).isEqualTo("REFUNDED");
        assertThat(acknowledged.get("attention").isEmpty()).as("acknowledged, and not paid twice").isTrue();
        assertThat(acknowledged.get("needsAttention").asBoolean()).isFalse();
        assertThat(refund(token, nothingLeft).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refund(token, nothingLeft).get("amount").asLong()).as("what staff paid").isEqualTo(Stubs.total(MUG));
        assertThat(listed()).doesNotContain(nothingLeft.toString());
    }

    @Test
    void aVoidAndAReleaseAcknowledgedAfterTheSagaGaveUpLeaveNothingForOperations() {
        UUID id = place(token, checkout("pm_card_visa"));
        participants().inventory("inventory.reserve", id, 1);
        api.post("/api/v1/orders/" + id + "/cancellation", token, Map.of()).expect(200);
        participants().inventory("inventory.release", id, 1);
        participants().payment("payment.void", id, 1);

        giveUp(id);
        assertThat(attention(id)).containsExactlyInAnyOrder("STOCK_RELEASE_UNCONFIRMED", "PAYMENT_VOID_UNCONFIRMED");
        assertThat(checkout(id).get("refund").asString()).isEqualTo("NONE");
        assertThat(checkout(id).has("shopperRefund")).isFalse();
        // there is no refund that staff could have paid another way
        api.post("/api/v1/orders/" + id + "/checkout/resolution", manager, Map.of("note", "paid", "refunded", true))
                .expectProblem(409, "no-outstanding-refund");
        assertThat(checkout(id).get("needsAttention").asBoolean()).isTrue();
        assertThat(refund(token, id).isMissingNode()).isTrue();
        assertThat(participants().all("order.events", id)).extracting(p -> p.type())
                .doesNotContain("order.refund_settled");

        participants().reply(id, new PaymentVoided(id, "pi_1", "cancelled by customer"));
        participants().reply(id, new StockReleased(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> attention(id).isEmpty());
        JsonNode view = checkout(id);
        assertThat(view.get("awaiting").isEmpty()).isTrue();
        assertThat(view.get("needsAttention").asBoolean()).isFalse();
        assertThat(view.get("attempts").asInt()).isZero();
        assertThat(listed()).doesNotContain(id.toString());
    }
}
