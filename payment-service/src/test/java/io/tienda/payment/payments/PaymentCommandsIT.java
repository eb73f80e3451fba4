package io.tienda.payment.payments;

import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.testing.messaging.EventMessages;
import io.tienda.payment.support.PaymentIT;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.AuthorizePayment;
import io.tienda.platform.events.saga.CapturePayment;
import io.tienda.platform.events.saga.PaymentActionRequired;
import io.tienda.platform.events.saga.PaymentAuthorized;
import io.tienda.platform.events.saga.PaymentCaptureFailed;
import io.tienda.platform.events.saga.PaymentCaptured;
import io.tienda.platform.events.saga.PaymentFailed;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.events.saga.PaymentVoided;
import io.tienda.platform.events.saga.RefundPayment;
import io.tienda.platform.events.saga.VoidPayment;
import io.tienda.platform.testing.AllAtOnce;
import io.tienda.platform.testing.KafkaProbe;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga's payment commands, as order-service sends them: over Kafka end to end, and handed to
 * the handler as the listener would (a replay under a new event id, a redelivery under the same).
 * One charge per order whatever is replayed; refunds never exceed what was captured.
 */
class PaymentCommandsIT extends PaymentIT {

    @org.springframework.beans.factory.annotation.Autowired
    private io.tienda.payment.payments.persistence.PaymentRepository repository;

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void anAuthorizeCommandOnKafkaIsAnsweredAuthorizedAndAnnounced() {
        UUID order = UUID.randomUUID();
        String customer = TestTokens.newCustomer();

        messages().send(Topics.PAYMENT_COMMANDS, order.toString(),
                new AuthorizePayment(order, customer, Money.of(2599, "EUR"), "pm_card_visa", "key-" + order));

        JsonNode reply = messages().await(Topics.SAGA_REPLIES, "payment.authorized", order.toString(), 1).get(0).json();
        assertThat(reply.get("orderId").asString()).isEqualTo(order.toString());
        assertThat(reply.get("amount").get("amount").asLong()).isEqualTo(2599);
        UUID payment = paymentOf(order);
        assertThat(reply.get("paymentId").asString()).isEqualTo(payment.toString());
        messages().await(Topics.PAYMENT_EVENTS, "payment.authorized", order.toString(), 1);
        assertThat(status(payment)).isEqualTo("AUTHORIZED");
        assertThat(payment(payment).get("provider_payment_id").toString()).startsWith("pi_sim_");
        assertThat(payment(payment).get("capture_before")).isNotNull();
    }

    @Test
    void aDeclinedCardIsAnsweredFailedWithItsDeclineCodeOverKafka() {
        UUID order = UUID.randomUUID();

        messages().send(Topics.PAYMENT_COMMANDS, order.toString(), new AuthorizePayment(order,
                TestTokens.newCustomer(), Money.of(1000, "EUR"), "pm_card_chargeDeclinedInsufficientFunds", "k-" + order));

        JsonNode reply = messages().await(Topics.SAGA_REPLIES, "payment.failed", order.toString(), 1).get(0).json();
        assertThat(reply.get("declineCode").asString()).isEqualTo("insufficient_funds");
        assertThat(reply.get("reason").asString()).contains("card_declined");
        messages().await(Topics.PAYMENT_EVENTS, "payment.failed", order.toString(), 1);
        assertThat(status(paymentOf(order))).isEqualTo("FAILED");
    }

    @Test
    void aGenericDeclineFailsAndANewAttemptWithAnotherCardMaySucceed() {
        UUID order = UUID.randomUUID();
        String customer = TestTokens.newCustomer();

        PaymentFailed failed = (PaymentFailed) authorize(order, customer, 1500, "pm_card_chargeDeclined", "a-" + order);
        Object second = authorize(order, customer, 1500, "pm_card_visa", "b-" + order);

        assertThat(failed.declineCode()).isEqualTo("generic_decline");
        assertThat(second).isInstanceOf(PaymentAuthorized.class);
        assertThat(count("select count(*) from payments where order_id = ?", order)).isEqualTo(2);
    }

    @Test
    void captureTakesTheMoneyOnceAndAReplayAnswersTheSame() {
        UUID order = UUID.randomUUID();
        authorize(order, TestTokens.newCustomer(), 4000, "pm_card_visa");

        Object first = capture(order, 4000);
        Object again = capture(order, 4000);

        assertThat(first).isInstanceOf(PaymentCaptured.class).isEqualTo(again);
        assertThat(((PaymentCaptured) first).amount()).isEqualTo(Money.of(4000, "EUR"));
        UUID payment = paymentOf(order);
        assertThat(status(payment)).isEqualTo("CAPTURED");
        assertThat(count("select attempts from provider_calls where payment_id = ? and operation = 'CAPTURE'", payment))
                .isEqualTo(1);
        assertThat(count("select amount_received from simulated_intents where id = ?",
                payment(payment).get("provider_payment_id"))).isEqualTo(4000);
    }

    @Test
    void aCaptureWithoutAnAuthorisationOrAboveItIsRefused() {
        UUID none = UUID.randomUUID();
        assertThat(capture(none, 100)).isInstanceOf(PaymentCaptureFailed.class);

        UUID order = UUID.randomUUID();
        authorize(order, TestTokens.newCustomer(), 1000, "pm_card_visa");
        assertThat(capture(order, 1001)).isInstanceOf(PaymentCaptureFailed.class);
        assertThat(status(paymentOf(order))).isEqualTo("AUTHORIZED");
    }

    @Test
    void voidReleasesTheAuthorisationAndAnswersEveryTime() {
        UUID order = UUID.randomUUID();
        authorize(order, TestTokens.newCustomer(), 1200, "pm_card_visa");

        Object voided = voidPayment(order, "stock-rejected");
        Object again = voidPayment(order, "stock-rejected");

        assertThat(voided).isInstanceOf(PaymentVoided.class).isEqualTo(again);
        UUID payment = paymentOf(order);
        assertThat(status(payment)).isEqualTo("VOIDED");
        assertThat(jdbc.sql("select status from simulated_intents where id = :id")
                .param("id", payment(payment).get("provider_payment_id")).query(String.class).single())
                .isEqualTo("canceled");
        assertThat(voidPayment(UUID.randomUUID(), "nothing-held")).isInstanceOf(PaymentVoided.class);
        assertThat(capture(order, 1200)).isInstanceOf(PaymentCaptureFailed.class);
    }

    @Test
    void partialThenFullRefundsAreAnsweredAndTheLedgerAddsUp() {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 5000);

        Object partial = refund(order, 2000, "r1-" + order);
        Object rest = refund(order, 3000, "r2-" + order);
        Object tooMuch = refund(order, 1, "r3-" + order);

        assertThat(partial).isInstanceOf(PaymentRefunded.class);
        assertThat(((PaymentRefunded) partial).amount()).isEqualTo(Money.of(2000, "EUR"));
        assertThat(rest).isInstanceOf(PaymentRefunded.class);
        assertThat(tooMuch).isInstanceOf(PaymentRefundFailed.class);
        assertThat(status(payment)).isEqualTo("REFUNDED");
        assertThat(payment(payment)).containsEntry("refunded_amount", 5000L).containsEntry("refund_pending_amount", 0L);
        assertThat(count("select amount_refunded from simulated_intents where id = ?",
                payment(payment).get("provider_payment_id"))).isEqualTo(5000);
        messages().await(Topics.PAYMENT_EVENTS, "payment.refunded", order.toString(), 2);
    }

    @Test
    void aRefundReplayedWithItsKeyRefundsOnceAndTheSameKeyWithAnotherAmountIsRefused() {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 3000);

        Object first = refund(order, 1000, "rk-" + order);
        Object replay = refund(order, 1000, "rk-" + order);
        Object other = refund(order, 1500, "rk-" + order);

        assertThat(first).isInstanceOf(PaymentRefunded.class).isEqualTo(replay);
        assertThat(other).isInstanceOf(PaymentRefundFailed.class);
        assertThat(payment(payment)).containsEntry("refunded_amount", 1000L);
        assertThat(count("select count(*) from refunds where payment_id = ?", payment)).isEqualTo(1);
    }

    @Test
    void replayedAuthorizeCommandsChargeOnce() {
        UUID order = UUID.randomUUID();
        String customer = TestTokens.newCustomer();
        AuthorizePayment command = new AuthorizePayment(order, customer, Money.of(999, "EUR"), "pm_card_visa",
                "replayed-" + order);
        UUID eventId = UUID.randomUUID();

        Object first = commands.handle(InboundMessage.of(Topics.PAYMENT_COMMANDS, command, eventId, order.toString()));
        Object redelivered = commands.handle(InboundMessage.of(Topics.PAYMENT_COMMANDS, command, eventId,
                order.toString()));
        Object resent = send(order, command);
        Object otherKey = send(order, new AuthorizePayment(order, customer, Money.of(999, "EUR"), "pm_card_visa",
                "another-" + order));

        assertThat(first).isInstanceOf(PaymentAuthorized.class).isEqualTo(redelivered).isEqualTo(resent)
                .isEqualTo(otherKey);
        assertThat(count("select count(*) from payments where order_id = ?", order)).isEqualTo(1);
        assertThat(intentsOf(order)).isEqualTo(1);
        assertThat(count("select sum(attempts) from provider_calls where payment_id = ?", paymentOf(order)))
                .isEqualTo(1);
    }

    @Test
    void concurrentAuthorizeCommandsForOneOrderChargeOnce() throws Exception {
        UUID order = UUID.randomUUID();
        String customer = TestTokens.newCustomer();
        AllAtOnce.run(6, i -> authorize(order, customer, 700, "pm_card_visa",
                i % 2 == 0 ? "same-" + order : "other-" + i + "-" + order));

        assertThat(count("select count(*) from payments where order_id = ? and status <> 'FAILED'", order))
                .isEqualTo(1);
        assertThat(count("select count(*) from simulated_intents where metadata like ? and status = 'requires_capture'",
                "%" + order + "%")).isEqualTo(1);
    }

    @Test
    void concurrentCapturesTakeDistinctConsecutiveInvoiceNumbersOfTheYearsSeries() {
        String customer = TestTokens.newCustomer();
        List<UUID> orders = java.util.stream.IntStream.range(0, 8).mapToObj(i -> UUID.randomUUID()).toList();
        orders.forEach(order -> authorize(order, customer, 1500, "pm_card_visa"));

        List<Object> replies = AllAtOnce.run(orders.size(), i -> capture(orders.get(i), 1500));

        assertThat(replies).allMatch(PaymentCaptured.class::isInstance);
        int year = java.time.Instant.now().atZone(java.time.ZoneOffset.UTC).getYear();
        List<String> numbers = orders.stream().map(order -> invoiceNumber(paymentOf(order))).toList();
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("TIE-" + year + "-\\d{6,}"));
        List<Long> sequence = numbers.stream().map(n -> Long.parseLong(n.substring(9))).sorted().toList();
        assertThat(sequence.get(sequence.size() - 1) - sequence.get(0)).isEqualTo(orders.size() - 1);
        assertInvoiceSeriesWithoutGaps();
        // A capture command replayed changes no number.
        orders.forEach(order -> capture(order, 1500));
        assertThat(orders.stream().map(order -> invoiceNumber(paymentOf(order))).toList()).isEqualTo(numbers);
    }

    @Test
    void aCaptureWhoseTransactionRollsBackGivesItsInvoiceNumberBack() {
        UUID order = UUID.randomUUID();
        authorize(order, TestTokens.newCustomer(), 1500, "pm_card_visa");
        UUID payment = paymentOf(order);
        String[] given = new String[1];

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            repository.save(repository.lock(payment).orElseThrow().captured(1500, java.time.Instant.now()));
            given[0] = invoiceNumber(payment);
            throw new IllegalStateException("the capture's transaction fails after its number was given");
        })).hasMessageContaining("fails after its number");

        assertThat(given[0]).startsWith("TIE-");
        assertThat(status(payment)).isEqualTo("AUTHORIZED");
        assertThat(invoiceNumber(payment)).isNull();
        assertInvoiceSeriesWithoutGaps();
        // The next capture takes the number the failed one gave back.
        assertThat(capture(order, 1500)).isInstanceOf(PaymentCaptured.class);
        assertThat(invoiceNumber(payment)).isEqualTo(given[0]);
        assertInvoiceSeriesWithoutGaps();
    }

    @Test
    void concurrentRefundsNeverExceedWhatWasCaptured() throws Exception {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 1000);
        List<Object> replies = AllAtOnce.run(8,
                i -> send(order, new RefundPayment(order, Money.of(300, "EUR"), "returned", "c" + i + "-" + order)));

        assertThat(replies).filteredOn(PaymentRefunded.class::isInstance).hasSize(3);
        assertThat(replies).filteredOn(PaymentRefundFailed.class::isInstance).hasSize(5);
        assertThat(payment(payment)).containsEntry("refunded_amount", 900L).containsEntry("refund_pending_amount", 0L);
        assertThat(count("select coalesce(sum(amount), 0) from refunds where payment_id = ? and status = 'SUCCEEDED'",
                payment)).isEqualTo(900);
        assertThat(status(payment)).isEqualTo("PARTIALLY_REFUNDED");
    }

    @Test
    void twoReturnsRacingForTheLastAmountRefundOnceAndTheRefusalNamesItsKey() throws Exception {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 1000);
        assertThat(refund(order, 600, "return:first-" + order)).isInstanceOf(PaymentRefunded.class);
        List<String> keys = List.of("return:a-" + order, "return:b-" + order);
        List<Object> replies = AllAtOnce.run(keys.size(),
                i -> send(order, new RefundPayment(order, Money.of(400, "EUR"), "returned", keys.get(i))));

        assertThat(replies).filteredOn(PaymentRefunded.class::isInstance).hasSize(1);
        assertThat(replies).filteredOn(PaymentRefundFailed.class::isInstance).hasSize(1);
        String won = ((PaymentRefunded) replies.stream().filter(PaymentRefunded.class::isInstance).findFirst()
                .orElseThrow()).refundKey();
        String lost = ((PaymentRefundFailed) replies.stream().filter(PaymentRefundFailed.class::isInstance)
                .findFirst().orElseThrow()).refundKey();
        assertThat(List.of(won, lost)).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(payment(payment)).containsEntry("refunded_amount", 1000L).containsEntry("refund_pending_amount", 0L);
        assertThat(count("select coalesce(sum(amount), 0) from refunds where payment_id = ? and status = 'SUCCEEDED'",
                payment)).isEqualTo(1000);
        assertThat(messages().await(Topics.PAYMENT_EVENTS, "payment.refund_failed", order.toString(), 1).get(0)
                .json().get("refundKey").asString()).isEqualTo(lost);
        assertThat(messages().await(Topics.PAYMENT_EVENTS, "payment.refunded", order.toString(), 2))
                .extracting(m -> m.json().get("refundKey").asString())
                .containsExactlyInAnyOrder("return:first-" + order, won);
    }

    @Test
    void aRefundCommandOnKafkaIsAnnouncedWithItsKeyAndAReplayRefundsOnce() {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 2500);
        RefundPayment command = new RefundPayment(order, Money.of(1200, "EUR"), "returned", "return:k-" + order);

        messages().send(Topics.PAYMENT_COMMANDS, order.toString(), command);
        messages().send(Topics.PAYMENT_COMMANDS, order.toString(), command);

        JsonNode refunded = messages().await(Topics.PAYMENT_EVENTS, "payment.refunded", order.toString(), 1).get(0)
                .json();
        assertThat(refunded.get("refundKey").asString()).isEqualTo("return:k-" + order);
        assertThat(refunded.get("amount").get("amount").asLong()).isEqualTo(1200);
        assertThat(messages().await(Topics.SAGA_REPLIES, "payment.refunded", order.toString(), 2))
                .allSatisfy(reply -> assertThat(reply.json().get("refundKey").asString()).isEqualTo("return:k-" + order));
        assertThat(payment(payment)).containsEntry("refunded_amount", 1200L);
        assertThat(count("select count(*) from refunds where payment_id = ?", payment)).isEqualTo(1);
    }

    /** A payment as the checkout saga leaves it: authorised under {@code key} and captured in full. */
    private UUID checkoutPaid(UUID order, String key, long amount) {
        authorize(order, TestTokens.newCustomer(), amount, "pm_card_visa", key);
        capture(order, amount);
        return paymentOf(order);
    }

    private void staffRefund(UUID payment, long amount) {
        api.post("/api/v1/payments/" + payment + "/refunds", staff("MANAGER"),
                java.util.Map.of("amount", amount, "reason", "goodwill"), "k-" + UUID.randomUUID()).expect(201);
    }

    @Test
    void cancellingAnOrderPartlyRefundedByStaffGivesBackTheRestAndAReplayRefundsNothingMore() {
        UUID order = UUID.randomUUID();
        String key = "chk_" + order;
        UUID payment = checkoutPaid(order, key, 3089);
        staffRefund(payment, 100);
        // The saga asks for the order's whole amount: it cannot know what staff gave back meanwhile.
        RefundPayment cancellation = new RefundPayment(order, Money.of(3089, "EUR"), "cancelled by customer",
                key + "-refund");

        Object first = send(order, cancellation);
        Object replay = send(order, cancellation);

        assertThat(first).isInstanceOf(PaymentRefunded.class).isEqualTo(replay);
        assertThat(((PaymentRefunded) first).amount()).isEqualTo(Money.of(2989, "EUR"));
        assertThat(((PaymentRefunded) first).refundKey()).isEqualTo(key + "-refund");
        assertThat(status(payment)).isEqualTo("REFUNDED");
        assertThat(payment(payment)).containsEntry("refunded_amount", 3089L).containsEntry("refund_pending_amount", 0L);
        assertThat(count("select amount_refunded from simulated_intents where id = ?",
                payment(payment).get("provider_payment_id"))).isEqualTo(3089);
        assertThat(count("select count(*) from refunds where payment_id = ?", payment)).isEqualTo(2);
        assertThat(messages().await(Topics.PAYMENT_EVENTS, "payment.refunded", order.toString(), 2))
                .extracting(m -> m.json().get("amount").get("amount").asLong()).containsExactlyInAnyOrder(100L, 2989L);
    }

    @Test
    void theCancellationOfAnOrderOverKafkaAfterAPartialRefundIsAnsweredWithTheRest() {
        UUID order = UUID.randomUUID();
        String key = "chk_" + order;
        UUID payment = checkoutPaid(order, key, 5000);
        staffRefund(payment, 1250);

        messages().send(Topics.PAYMENT_COMMANDS, order.toString(),
                new RefundPayment(order, Money.of(5000, "EUR"), "cancelled", key + "-refund"));

        JsonNode reply = messages().await(Topics.SAGA_REPLIES, "payment.refunded", order.toString(), 1).get(0).json();
        assertThat(reply.get("refundKey").asString()).isEqualTo(key + "-refund");
        assertThat(reply.get("amount").get("amount").asLong()).isEqualTo(3750);
        assertThat(status(payment)).isEqualTo("REFUNDED");
    }

    @Test
    void aReturnAskingForMoreThanIsLeftIsStillRefusedAndACancellationWithNothingLeftSaysSo() {
        UUID returned = UUID.randomUUID();
        UUID returnedPayment = checkoutPaid(returned, "chk_" + returned, 2000);
        staffRefund(returnedPayment, 500);
        UUID refunded = UUID.randomUUID();
        UUID refundedPayment = checkoutPaid(refunded, "chk_" + refunded, 1000);
        staffRefund(refundedPayment, 1000);

        Object tooMuch = send(returned, new RefundPayment(returned, Money.of(2000, "EUR"), "return RMA-1",
                "return:" + returned));
        Object nothingLeft = send(refunded, new RefundPayment(refunded, Money.of(1000, "EUR"), "cancelled",
                "chk_" + refunded + "-refund"));

        assertThat(tooMuch).isInstanceOf(PaymentRefundFailed.class);
        assertThat(((PaymentRefundFailed) tooMuch).reason()).contains("can refund at most 1500");
        assertThat(payment(returnedPayment)).containsEntry("refunded_amount", 500L);
        assertThat(nothingLeft).isInstanceOf(PaymentRefundFailed.class);
        assertThat(((PaymentRefundFailed) nothingLeft).reason()).startsWith("nothing-to-refund");
        assertThat(((PaymentRefundFailed) nothingLeft).nothingLeftToRefund()).as("as the contract reads it").isTrue();
        assertThat(((PaymentRefundFailed) tooMuch).nothingLeftToRefund()).isFalse();
        assertThat(((PaymentRefundFailed) nothingLeft).refundKey()).isEqualTo("chk_" + refunded + "-refund");
        assertThat(count("select count(*) from refunds where payment_id = ?", refundedPayment)).isEqualTo(1);
    }

    @Test
    void threeDSecureIsAnsweredActionRequiredAndItsCompletionAuthorises() {
        UUID order = UUID.randomUUID();

        PaymentActionRequired action = (PaymentActionRequired) authorize(order, TestTokens.newCustomer(), 2500,
                "pm_card_authenticationRequired");

        assertThat(action.nextActionType()).isEqualTo("redirect_to_url");
        assertThat(action.nextActionUrl()).contains("/api/v1/payments/simulator/authenticate/pi_sim_");
        UUID payment = paymentOf(order);
        assertThat(status(payment)).isEqualTo("REQUIRES_ACTION");
        String intent = action.nextActionUrl().substring(action.nextActionUrl().lastIndexOf('/') + 1);

        api.get("/api/v1/payments/simulator/authenticate/" + intent).expect(200);
        api.post("/api/v1/payments/simulator/authenticate/" + intent + "?outcome=complete", null).expect(200);

        // The simulated provider's signed webhook reaches the service, which tells the saga.
        eventually(() -> "AUTHORIZED".equals(status(payment)));
        messages().await(Topics.SAGA_REPLIES, "payment.authorized", order.toString(), 1);
        assertThat(capture(order, 2500)).isInstanceOf(PaymentCaptured.class);
    }

    @Test
    void aFailedThreeDSecureChallengeFailsThePayment() {
        UUID order = UUID.randomUUID();
        PaymentActionRequired action = (PaymentActionRequired) authorize(order, TestTokens.newCustomer(), 2500,
                "pm_card_authenticationRequired");
        String intent = action.nextActionUrl().substring(action.nextActionUrl().lastIndexOf('/') + 1);

        api.post("/api/v1/payments/simulator/authenticate/" + intent + "?outcome=fail", null).expect(200);

        UUID payment = paymentOf(order);
        eventually(() -> "FAILED".equals(status(payment)));
        JsonNode failed = messages().await(Topics.SAGA_REPLIES, "payment.failed", order.toString(), 1).get(0).json();
        assertThat(failed.get("reason").asString()).contains("authentication");
    }

    @Test
    void aProviderThatNeverAnswersFailsThePaymentWithinItsDeadline() {
        UUID order = UUID.randomUUID();
        long started = System.nanoTime();

        PaymentFailed failed = (PaymentFailed) authorize(order, TestTokens.newCustomer(), 800, "pm_card_timeout");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(failed.reason()).startsWith("provider-unavailable");
        UUID payment = paymentOf(order);
        assertThat(status(payment)).isEqualTo("FAILED");
        assertThat(count("select attempts from provider_calls where payment_id = ?", payment)).isEqualTo(1);
        assertThat(intentsOf(order)).isZero();
        // The order may be paid with another card afterwards.
        assertThat(authorize(order, TestTokens.newCustomer(), 800, "pm_card_visa", "retry-" + order))
                .isInstanceOf(PaymentAuthorized.class);
    }

    @Test
    void commandsThatCanNeverSucceedAreDeadLettered() {
        UUID order = UUID.randomUUID();
        UUID garbage = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();

        messages().send(Topics.PAYMENT_COMMANDS, order.toString(), garbage, "payment.authorize", "{ not json");
        messages().send(Topics.PAYMENT_COMMANDS, order.toString(), unknown, "payment.teleport", "{}");
        messages().send(Topics.PAYMENT_COMMANDS, order.toString(), new VoidPayment(order, "after poison"));

        messages().await(Topics.SAGA_REPLIES, "payment.voided", order.toString(), 1);
        KafkaProbe probe = new KafkaProbe(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        for (UUID poison : List.of(garbage, unknown)) {
            assertThat(probe.find(Topics.deadLetter(Topics.PAYMENT_COMMANDS),
                    r -> poison.toString().equals(KafkaProbe.header(r, Envelope.EVENT_ID)), Duration.ofSeconds(30)))
                    .as("dead letter %s", poison).isPresent();
        }
    }

    @Test
    void aCaptureCommandOnKafkaIsAnsweredCaptured() {
        UUID order = UUID.randomUUID();
        authorize(order, TestTokens.newCustomer(), 1800, "pm_card_visa");

        messages().send(Topics.PAYMENT_COMMANDS, order.toString(), new CapturePayment(order, Money.of(1800, "EUR")));

        messages().await(Topics.SAGA_REPLIES, "payment.captured", order.toString(), 1);
        messages().await(Topics.PAYMENT_EVENTS, "payment.captured", order.toString(), 1);
    }
}
