package io.tienda.e2e;

import io.tienda.e2e.Accounts.Account;
import io.tienda.e2e.Checkouts.Placed;
import io.tienda.e2e.Checkouts.Product;
import io.tienda.e2e.Checkouts.Shopper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After the sale, through the gateway on the running fleet, as a customer and support live it: sign up
 * and verify the address from the mail; buy; the order is shipped and delivered; a return is asked
 * for, approved, received and inspected; the money goes back and the unit is on sale again; every
 * step is mailed; a question about the order is answered by support. Nobody else sees any of it.
 */
@ExtendWith(Fleet.class)
class AfterSaleJourneyIT {

    private static final Pattern VERIFY_LINK = Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]+)");
    private static final Duration EVENTUALLY = Checkouts.EVENTUALLY;

    @Test
    void signUpBuyReturnGetTheMoneyBackAndAskSupport() {
        // sign up in English; the mail's link verifies the address
        String email = "after-sale-" + UUID.randomUUID() + "@example.com";
        Api.Reply registered = Checkouts.call("POST", "/api/v1/auth/register", """
                {"email":"%s","password":"%s","name":"Dana","language":"en"}""".formatted(email, Checkouts.PASSWORD),
                null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Mailbox.Mail verification = Mailbox.await(email, "the verification link",
                mail -> VERIFY_LINK.matcher(mail.text()).find());
        assertThat(verification.subject()).as("in the language chosen at sign-up")
                .isEqualTo("Confirm your e-mail address");
        Matcher link = VERIFY_LINK.matcher(verification.text());
        assertThat(link.find()).isTrue();
        assertThat(verification.html()).contains(link.group(1));
        assertThat(Accounts.login(email, Checkouts.PASSWORD).claims().get("email_verified").asBoolean()).isFalse();
        Api.Reply verified = Checkouts.call("POST", "/api/v1/auth/verify-email",
                "{\"token\":\"" + link.group(1) + "\"}", null);
        assertThat(verified.status()).as(verified.body()).isEqualTo(204);
        Shopper dana = new Shopper(email, Accounts.login(email, Checkouts.PASSWORD).accessToken());
        assertThat(Accounts.login(email, Checkouts.PASSWORD).claims().get("email_verified").asBoolean()).isTrue();

        // buy two units
        Product product = Checkouts.productWithStock("RETURN", 5);
        String sku = product.sku();
        assertThat(Checkouts.fillCart(dana, sku, 2).status()).isEqualTo(200);
        Placed placed = Checkouts.placeOrder(dana, "after-sale-" + UUID.randomUUID(), "pm_card_visa");
        assertThat(placed.accepted()).as(placed.status() + " " + placed.problem()).isTrue();
        String orderId = placed.orderId();
        await("order confirmed").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> "CONFIRMED".equals(Checkouts.status(dana, orderId)));
        await("payment captured").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> Checkouts.paymentsIn(Checkouts.payments(dana, orderId), java.util.Set.of("CAPTURED")) == 1);
        Mailbox.await(email, "the order confirmation", mail -> mail.subject().matches("Order .* confirmed"));

        // the warehouse ships it and the carrier delivers it
        String manager = Accounts.session(Account.MANAGER).accessToken();
        Api.Reply shipped = Checkouts.call("POST", "/api/v1/orders/" + orderId + "/shipment",
                "{\"carrier\":\"SEUR\",\"trackingNumber\":\"SEUR-" + UUID.randomUUID().toString().substring(0, 8) + "\"}",
                manager);
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        Mailbox.Mail onItsWay = Mailbox.await(email, "the shipping notice", mail -> mail.subject().contains("on its way"));
        assertThat(onItsWay.text()).contains("SEUR");
        Api.Reply delivered = Checkouts.call("POST", "/api/v1/orders/" + orderId + "/delivery", null, manager);
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        Mailbox.await(email, "the delivery notice", mail -> mail.subject().matches("Order .* delivered"));
        int availableBeforeReturn = Checkouts.available(sku);
        assertThat(availableBeforeReturn).isEqualTo(3);

        // one unit arrived damaged: returns-service takes the return once it has heard of the delivery
        String returnBody = """
                {"orderId":"%s","resolution":"REFUND",
                 "lines":[{"sku":"%s","quantity":1,"reason":"DAMAGED","comment":"the handle came off"}]}"""
                .formatted(orderId, sku);
        Api.Reply requested = requestReturn(returnBody, dana);
        String returnId = requested.json().get("id").asString();
        String rma = requested.json().get("rma").asString();
        assertThat(rma).matches("RMA-\\d{4}-\\d{6,}");
        assertThat(requested.json().get("instructions").asString()).isNotBlank();
        Api.Reply again = Checkouts.call("POST", "/api/v1/returns", returnBody.replace("\"quantity\":1", "\"quantity\":2"),
                dana.token());
        assertThat(again.status()).as("the same unit cannot be returned twice: " + again.body()).isEqualTo(422);
        Mailbox.await(email, "the return's RMA", mail -> mail.subject().equals("Return " + rma + " requested"));

        // support approves, the warehouse receives and inspects it: resellable
        String support = Accounts.session(Account.SUPPORT).accessToken();
        step(returnId, "approval", "{\"note\":\"sorry about that\"}", support, "APPROVED");
        Mailbox.await(email, "the approval", mail -> mail.subject().equals("Return " + rma + " approved"));
        step(returnId, "receipt", "{}", support, "RECEIVED");
        Mailbox.await(email, "the receipt", mail -> mail.subject().equals("We received your return " + rma));
        step(returnId, "inspection", "{\"lines\":[{\"sku\":\"" + sku + "\",\"acceptedQuantity\":1,\"restockable\":true}]}",
                support, null);

        // the money goes back once, the unit is on sale again, and the customer is told
        JsonNode refunded = await("the return refunded").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> Checkouts.call("GET", "/api/v1/returns/" + returnId, null, dana.token()).json(),
                        view -> "REFUNDED".equals(view.path("status").asString()));
        long unitPrice = 1500;
        assertThat(refunded.path("refundAmount").asLong()).as(refunded.toString()).isEqualTo(unitPrice);
        await("the payment shows the refund").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<JsonNode> payments = Checkouts.payments(dana, orderId);
            assertThat(Checkouts.paymentsIn(payments, java.util.Set.of("PARTIALLY_REFUNDED"))).as(payments.toString())
                    .isEqualTo(1);
        });
        await("the unit back on sale").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> Checkouts.available(sku) == availableBeforeReturn + 1);
        Mailbox.Mail refundMail = Mailbox.await(email, "the refund",
                mail -> mail.subject().startsWith("Return " + rma + ":") && mail.subject().endsWith("refunded"));
        assertThat(refundMail.subject()).contains("15.00");
        assertThat(Mailbox.countAfterQuiet(email, mail -> mail.subject().startsWith("Refund of"), Duration.ofSeconds(3)))
                .as("the refund of a return is announced once, by the return").isZero();

        // the second unit comes back too, but it is not the one sold: the inspection accepts nothing,
        // the return is rejected, nothing is refunded or restocked, and Dana is told why (not the staff note)
        Api.Reply second = Checkouts.call("POST", "/api/v1/returns", returnBody, dana.token());
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        String secondId = second.json().get("id").asString();
        String secondRma = second.json().get("rma").asString();
        step(secondId, "approval", "{}", support, "APPROVED");
        step(secondId, "receipt", "{}", support, "RECEIVED");
        step(secondId, "inspection", "{\"lines\":[{\"sku\":\"" + sku + "\",\"acceptedQuantity\":0,"
                + "\"restockable\":false}],\"note\":\"not the unit we sold\"}", support, "REJECTED");
        Mailbox.Mail rejection = Mailbox.await(email, "the rejection after inspection",
                mail -> mail.subject().equals("Return " + secondRma + " rejected"));
        assertThat(rejection.text()).contains("could be accepted at inspection").doesNotContain("not the unit we sold");
        assertThat(Checkouts.available(sku)).as("nothing restocked").isEqualTo(availableBeforeReturn + 1);
        await("the payment keeps its one refund").during(Duration.ofSeconds(2)).atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(Checkouts.paymentsIn(Checkouts.payments(dana, orderId),
                        java.util.Set.of("PARTIALLY_REFUNDED"))).isEqualTo(1));

        // a question about the order, answered by support
        Api.Reply opened = Checkouts.call("POST", "/api/v1/tickets", """
                {"subject":"Replacement handle?","message":"Can I buy just the handle?","orderId":"%s"}"""
                .formatted(orderId), dana.token());
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String ticketId = opened.json().get("id").asString();
        Api.Reply queue = Checkouts.call("GET", "/api/v1/tickets?orderId=" + orderId, null, support);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().get("items").findValuesAsString("id")).contains(ticketId);
        Api.Reply answered = Checkouts.call("POST", "/api/v1/tickets/" + ticketId + "/messages",
                "{\"message\":\"Not on its own, sorry; the refund is on its way.\"}", support);
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");
        Mailbox.await(email, "support's answer",
                mail -> mail.subject().equals("Reply to your query: Replacement handle?"));
        JsonNode ticket = Checkouts.call("GET", "/api/v1/tickets/" + ticketId, null, dana.token()).json();
        assertThat(ticket.get("messages")).hasSize(2);

        // nobody else reaches any of it
        String bruno = Accounts.session(Account.CUSTOMER_B).accessToken();
        assertThat(Checkouts.call("GET", "/api/v1/returns/" + returnId, null, bruno).status()).isEqualTo(404);
        assertThat(Checkouts.call("GET", "/api/v1/tickets/" + ticketId, null, bruno).status()).isEqualTo(404);
        assertThat(Checkouts.call("POST", "/api/v1/tickets/" + ticketId + "/messages", "{\"message\":\"hi\"}", bruno)
                .status()).isEqualTo(404);
        assertThat(Checkouts.call("POST", "/api/v1/returns/" + returnId + "/cancellation", "{}", bruno).status())
                .isEqualTo(404);
        assertThat(Checkouts.call("GET", "/api/v1/notifications", null, bruno).json().toString()).doesNotContain(orderId);
        JsonNode history = Checkouts.call("GET", "/api/v1/notifications?size=50", null, dana.token()).json();
        assertThat(history.get("items").size()).as(history.toString()).isGreaterThanOrEqualTo(8);
    }

    /**
     * A return's refund goes to a card the bank then refuses ({@code pm_card_refundFail}): the refund is
     * made, handed back, and the return waits for its refund again. A manager pays it by bank transfer and
     * says so: the return is refunded, the customer told, and the payment's ledger holds the money.
     */
    @Test
    void aReturnsRefundTheBankHandsBackIsPaidAnotherWay() {
        Shopper shopper = Checkouts.newShopper();
        String sku = Checkouts.productWithStock("RETFAIL", 3).sku();
        assertThat(Checkouts.fillCart(shopper, sku, 2).status()).isEqualTo(200);
        Placed placed = Checkouts.placeOrder(shopper, "ret-fail-" + UUID.randomUUID(), "pm_card_refundFail");
        assertThat(placed.accepted()).as(placed.status() + " " + placed.problem()).isTrue();
        String orderId = placed.orderId();
        // only a confirmed order ships: the capture is seen at payment-service before order-service has it
        await("order confirmed").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> "CONFIRMED".equals(Checkouts.status(shopper, orderId)));
        await("payment captured").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> Checkouts.paymentsIn(Checkouts.payments(shopper, orderId), java.util.Set.of("CAPTURED")) == 1);
        String manager = Accounts.session(Account.MANAGER).accessToken();
        assertThat(Checkouts.call("POST", "/api/v1/orders/" + orderId + "/shipment",
                "{\"carrier\":\"SEUR\",\"trackingNumber\":\"SEUR-1\"}", manager).status()).isEqualTo(200);
        assertThat(Checkouts.call("POST", "/api/v1/orders/" + orderId + "/delivery", null, manager).status())
                .isEqualTo(200);

        String returnBody = """
                {"orderId":"%s","resolution":"REFUND","lines":[{"sku":"%s","quantity":1,"reason":"DAMAGED"}]}"""
                .formatted(orderId, sku);
        Api.Reply requested = requestReturn(returnBody, shopper);
        String returnId = requested.json().get("id").asString();
        String rma = requested.json().get("rma").asString();
        step(returnId, "approval", "{}", manager, "APPROVED");
        step(returnId, "receipt", "{}", manager, "RECEIVED");
        step(returnId, "inspection", "{\"lines\":[{\"sku\":\"" + sku + "\",\"acceptedQuantity\":1,"
                + "\"restockable\":true}]}", manager, null);

        // refunded and mailed, then handed back by the bank: the return waits for its refund again
        Mailbox.await(shopper.email(), "the refund", mail -> mail.subject().startsWith("Devolución " + rma + ": reembolso"));
        Mailbox.await(shopper.email(), "the refund's correction",
                mail -> mail.subject().startsWith("Devolución " + rma) && mail.subject().contains("no se ha completado"));
        await("the return's refund failed").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(Checkouts.call("GET", "/api/v1/returns/" + returnId, null, manager).json()
                        .get("settlement").asString()).isEqualTo("REFUND_FAILED"));

        // staff find it among the returns that wait for them
        String waiting = "/api/v1/returns?settlement=REFUND_FAILED&size=100";
        assertThat(Checkouts.call("GET", waiting, null, manager).json().get("items").findValuesAsString("id"))
                .contains(returnId);

        // support may not say it was paid another way; a manager does
        String support = Accounts.session(Account.SUPPORT).accessToken();
        String outside = "/api/v1/returns/" + returnId + "/settlement/outside";
        assertThat(Checkouts.call("POST", outside, "{\"note\":\"transfer\"}", support).status()).isEqualTo(403);
        Api.Reply settled = Checkouts.call("POST", outside, "{\"note\":\"bank transfer, ref. 4471\"}", manager);
        assertThat(settled.status()).as(settled.body()).isEqualTo(200);
        assertThat(settled.json().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(Checkouts.call("GET", "/api/v1/returns/" + returnId, null, shopper.token()).json().get("status")
                .asString()).isEqualTo("REFUNDED");
        assertThat(Checkouts.call("GET", waiting, null, manager).json().get("items").findValuesAsString("id"))
                .doesNotContain(returnId);
        assertThat(Mailbox.countAfterQuiet(shopper.email(),
                mail -> mail.subject().startsWith("Devolución " + rma + ": reembolso"), Duration.ofSeconds(3)))
                .as("told of the refund again").isEqualTo(2);
        String paymentId = Checkouts.payments(shopper, orderId).get(0).get("id").asString();
        await("the ledger records the transfer").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode payment = Checkouts.call("GET", "/api/v1/payments/" + paymentId, null, shopper.token()).json();
            assertThat(payment.get("refundedOutsideAmount").asLong()).isEqualTo(1500);
            assertThat(payment.get("refundedAmount").asLong()).as("the bank's refund was taken back").isZero();
            assertThat(payment.get("refundable").asLong()).isEqualTo(payment.get("capturedAmount").asLong() - 1500);
        });
    }

    /** Asks for the return as soon as returns-service has heard of the order's delivery (404 until then). */
    private static Api.Reply requestReturn(String body, Shopper shopper) {
        Api.Reply requested = await("the return is accepted").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> Checkouts.call("POST", "/api/v1/returns", body, shopper.token()),
                        reply -> reply.status() != 404);
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        return requested;
    }

    private static void step(String returnId, String step, String body, String staff, String expectedStatus) {
        Api.Reply reply = Checkouts.call("POST", "/api/v1/returns/" + returnId + "/" + step, body, staff);
        assertThat(reply.status()).as(step + ": " + reply.body()).isEqualTo(200);
        if (expectedStatus != null) {
            assertThat(reply.json().get("status").asString()).isEqualTo(expectedStatus);
        }
    }
}
