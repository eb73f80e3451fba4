package io.tienda.notification.mailing;

import io.tienda.notification.NotificationServiceIT;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.inventory.LowStock;
import io.tienda.platform.events.returns.ReturnApproved;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderDelivered;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.saga.OrderRefundSettled;
import io.tienda.platform.events.saga.OrderShipped;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.events.user.PasswordResetRequested;
import io.tienda.platform.events.user.UserContactChanged;
import io.tienda.platform.events.user.UserRegistered;
import io.tienda.platform.testing.Infra;
import io.tienda.platform.testing.infra.ReceivedMail;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events in through Kafka, mail out through SMTP: what each event sends, in which language, and how often. */
class MailingIT extends NotificationServiceIT {

    @Test
    void aSignUpGetsTheVerificationLinkInSpanish() {
        UUID user = UUID.randomUUID();
        String email = address("ana");
        String token = "tok-" + UUID.randomUUID() + "/+=";
        UUID eventId = events.send(Topics.USER_EVENTS, user.toString(), new UserRegistered(user, email, "Ana",
                "es", token, Instant.parse("2030-01-01T10:00:00Z")));

        ReceivedMail mail = mailFor(email, 1).get(0);

        String link = BASE + "/verify-email?token=" + java.net.URLEncoder.encode(token,
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(mail.subject()).isEqualTo("Confirma tu correo electrónico");
        assertThat(mail.text()).contains("Hola Ana,").contains(link);
        assertThat(mail.html()).contains("href=\"" + link + "\"").contains("Confirmar mi correo");
        Document sent = awaitNotification(eventId.toString(), "SENT");
        assertThat(sent.getString("recipientId")).isEqualTo(user.toString());
        assertThat(sent.getString("template")).isEqualTo("verify-email");
        assertThat(sent.get("sentAt")).isNotNull();
        // The token lived only as long as the message was unsent.
        assertThat(sent.toJson()).doesNotContain(token).doesNotContain("tok-");
        // And the sign-up put the user in the address book.
        Document contact = mongo.findById(user.toString(), Document.class, "contacts");
        assertThat(contact.getString("email")).isEqualTo(email);
        assertThat(contact.getString("language")).isEqualTo("es");
    }

    @Test
    void aPasswordResetGetsTheResetLinkInEnglish() {
        UUID user = UUID.randomUUID();
        String email = address("bob");
        events.send(Topics.USER_EVENTS, user.toString(), new PasswordResetRequested(user, email, "Bob", "en",
                "reset123", Instant.parse("2030-01-01T10:00:00Z")));

        ReceivedMail mail = mailFor(email, 1).get(0);

        assertThat(mail.subject()).isEqualTo("Reset your password");
        assertThat(mail.text()).contains("Hello Bob,").contains(BASE + "/reset-password?token=reset123");
        assertThat(mail.html()).contains(BASE + "/reset-password?token=reset123");
    }

    @Test
    void anOrderMailGoesToTheContactInTheirLanguage() {
        String customer = UUID.randomUUID().toString();
        String email = address("carla");
        events.send(Topics.USER_EVENTS, customer, new UserContactChanged(UUID.fromString(customer), email, "Carla",
                "en"));
        UUID order = UUID.randomUUID();
        List<OrderLine> lines = List.of(new OrderLine("SKU-1", "p1", "T-shirt", 2, Money.of(1495, "EUR")),
                new OrderLine("SKU-2", "p2", "Cap", 1, Money.of(2000, "EUR")));
        events.send(Topics.ORDER_EVENTS, order.toString(), new OrderConfirmed(order, "TND-2026-000321", customer,
                "cart-1", lines, Money.of(4990, "EUR"), Instant.now(), null));

        ReceivedMail mail = mailFor(email, 1).get(0);

        // named by the number the shop shows the shopper; the link still leads to the order by its id
        assertThat(mail.subject()).isEqualTo("Order TND-2026-000321 confirmed");
        assertThat(mail.text()).contains("Hello Carla,").contains("your order TND-2026-000321:")
                .contains("3 item(s), 49.90 EUR in total").contains(BASE + "/orders/" + order)
                .doesNotContain("order " + order);
        assertThat(mail.html()).contains("your order TND-2026-000321:");

        events.send(Topics.ORDER_EVENTS, order.toString(), new OrderCancelled(order, "TND-2026-000321", customer,
                "cancelled by customer", lines));

        ReceivedMail cancelled = mailFor(email, 2).stream().filter(m -> m.subject().endsWith("cancelled"))
                .findFirst().orElseThrow();
        assertThat(cancelled.subject()).isEqualTo("Order TND-2026-000321 cancelled");
        assertThat(cancelled.text()).contains("Your order TND-2026-000321 was cancelled")
                .contains(BASE + "/orders/" + order).doesNotContain("cart");

        // a checkout that failed by itself tells the shopper where the goods are
        UUID failed = UUID.randomUUID();
        events.send(Topics.ORDER_EVENTS, failed.toString(), new OrderCancelled(failed, "TND-2026-000322", customer,
                "capture-failed", lines, true));
        ReceivedMail failedMail = mailFor(email, 3).stream()
                .filter(m -> m.subject().equals("Order TND-2026-000322 cancelled")).findFirst().orElseThrow();
        assertThat(failedMail.text()).contains("the items are in your cart again");
        assertThat(failedMail.html()).contains("the items are in your cart again");
    }

    @Test
    void theSameEventDeliveredThreeTimesSendsOneMail() {
        String customer = UUID.randomUUID().toString();
        String email = address("dani");
        contact(customer, email, "Dani", "es");
        UUID order = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        OrderShipped shipped = new OrderShipped(order, "T-7788", customer, "SEUR", "SEUR-99812", List.of(),
                Instant.now());
        for (int i = 0; i < 3; i++) {
            events.send(Topics.ORDER_EVENTS, order.toString(), eventId, shipped);
        }

        ReceivedMail mail = mailFor(email, 1).get(0);
        awaitNotification(eventId.toString(), "SENT");
        // A marker event sent after the copies: once its mail is out, every copy has been consumed.
        events.send(Topics.ORDER_EVENTS, order.toString(), new OrderDelivered(order, "T-7788", customer, List.of(),
                Instant.now()));
        mailFor(email, 2);

        assertThat(mail.subject()).isEqualTo("Tu pedido T-7788 está en camino");
        assertThat(mail.text()).contains("SEUR").contains("SEUR-99812").contains(BASE + "/orders/" + order);
        assertThat(mailFor(email)).extracting(ReceivedMail::subject)
                .containsExactlyInAnyOrder("Tu pedido T-7788 está en camino", "Pedido T-7788 entregado");
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("recipientId").is(customer)),
                "notifications")).isEqualTo(2);
    }

    @Test
    void aMailForAnUnknownContactWaitsUntilTheContactArrives() {
        String customer = UUID.randomUUID().toString();
        String email = address("eva");
        UUID order = UUID.randomUUID();
        UUID eventId = events.send(Topics.ORDER_EVENTS, order.toString(), new OrderDelivered(order, "T-5000",
                customer, List.of(), Instant.now()));

        Document waiting = await().atMost(Duration.ofSeconds(20)).until(() -> notification(eventId.toString()),
                n -> n != null && "waiting for the recipient's contact details".equals(n.getString("failureReason")));
        assertThat(waiting.getString("status")).isEqualTo("PENDING");
        assertThat(waiting.getInteger("attempts")).isZero();

        events.send(Topics.USER_EVENTS, customer, new UserContactChanged(UUID.fromString(customer), email, "Eva",
                "es"));

        ReceivedMail mail = mailFor(email, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Pedido T-5000 entregado");
        assertThat(mail.text()).contains("Hola Eva,");
        Document sent = awaitNotification(eventId.toString(), "SENT");
        assertThat(sent.getString("failureReason")).isNull();
    }

    @Test
    void whileTheMailServerIsDownMailWaitsAndGoesOutWhenItIsBack() {
        String customer = UUID.randomUUID().toString();
        String email = address("fede");
        contact(customer, email, "Fede", "es");
        UUID order = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        Infra.smtp().whileStopped(() -> {
            events.send(Topics.ORDER_EVENTS, order.toString(), eventId, new OrderCancelled(order, customer,
                    "payment declined"));
            Document retrying = await().atMost(Duration.ofSeconds(20)).until(() -> notification(eventId.toString()),
                    n -> n != null && n.getInteger("attempts", 0) >= 2);
            assertThat(retrying.getString("status")).isEqualTo("PENDING");
            assertThat(retrying.getString("failureReason")).startsWith("smtp:");
            assertThat(retrying.get("nextAttemptAt")).isNotNull();
        });

        ReceivedMail mail = mailFor(email, 1).get(0);
        // an order.cancelled published before it carried the order's number names the order by its id
        assertThat(mail.subject()).isEqualTo("Pedido " + order + " cancelado");
        assertThat(mail.text()).contains("payment declined");
        Document sent = awaitNotification(eventId.toString(), "SENT");
        assertThat(sent.getInteger("attempts")).isGreaterThanOrEqualTo(3);
        assertThat(mailFor(email)).hasSize(1);
        String metrics = api.get("/actuator/prometheus").expect(200).body();
        assertThat(metrics).contains("tienda_notifications_send_failures_total{")
                .contains("template=\"order-cancelled\"").contains("tienda_notifications_sent_total{");
    }

    @Test
    void aRefundFindsItsCustomerFromTheOrder() {
        String customer = UUID.randomUUID().toString();
        String email = address("gala");
        contact(customer, email, "Gala", "en");
        UUID order = UUID.randomUUID();
        events.send(Topics.ORDER_EVENTS, order.toString(), new OrderConfirmed(order, customer, "cart-2",
                List.of(new OrderLine("SKU-1", "p1", "T-shirt", 1, Money.of(1995, "EUR"))), Money.of(1995, "EUR"),
                Instant.now()));
        mailFor(email, 1);

        // the refund of a return is announced by returns.refunded, not a second time by its payment
        events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-1", "re-0",
                Money.of(500, "EUR"), "return:" + UUID.randomUUID()));
        events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-1", "re-1",
                Money.of(1995, "EUR")));

        List<ReceivedMail> mails = mailFor(email, 2);
        assertThat(mails).noneMatch(m -> m.subject().contains("5.00"));
        ReceivedMail refund = mails.stream().filter(m -> m.subject().startsWith("Refund")).findFirst()
                .orElseThrow();
        assertThat(refund.subject()).isEqualTo("Refund of 19.95 EUR");
        assertThat(refund.text()).as("a confirmation without a number: the order's id").contains("order " + order);
    }

    /** Staff paid a failed refund another way: the customer hears the money is theirs, once. */
    @Test
    void aRefundStaffPaidAnotherWayIsMailedOnce() {
        String customer = UUID.randomUUID().toString();
        String email = address("hugo");
        contact(customer, email, "Hugo", "es");
        UUID order = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        OrderRefundSettled settled = new OrderRefundSettled(order, "TND-2026-000777", customer,
                Money.of(2450, "EUR"), Instant.now());
        events.send(Topics.ORDER_EVENTS, order.toString(), eventId, settled);

        ReceivedMail mail = mailFor(email, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Tu reembolso de 24.50 EUR se ha completado");
        assertThat(mail.text()).contains("Hola Hugo,").contains("pedido TND-2026-000777")
                .contains("por otra vía");
        awaitNotification(eventId.toString(), "SENT");

        // the same event delivered again sends nothing more
        events.send(Topics.ORDER_EVENTS, order.toString(), eventId, settled);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailFor(email).size() == 1);
    }

    /**
     * Another customer names the victim's order in a ticket, support answers, and the refund of that
     * order arrives before the order's own events (another topic, so any order is possible): the refund
     * waits for the order's customer and goes to the victim, never to whoever named the order.
     */
    @Test
    void aRefundNeverGoesToACustomerWhoOnlyNamedTheOrderInATicket() {
        String attacker = UUID.randomUUID().toString();
        String attackerEmail = address("mallory");
        contact(attacker, attackerEmail, "Mallory", "en");
        String victim = UUID.randomUUID().toString();
        String victimEmail = address("victor");
        contact(victim, victimEmail, "Victor", "en");
        UUID order = UUID.randomUUID();
        String ticket = api.post("/api/v1/tickets", io.tienda.platform.testing.security.TestTokens.customer(attacker),
                java.util.Map.of("subject", "Refund?", "message", "Where is my refund?", "orderId", order.toString()))
                .expect(201).text("id");
        api.post("/api/v1/tickets/" + ticket + "/messages", io.tienda.platform.testing.security.TestTokens.staff(
                "SUPPORT"), java.util.Map.of("message", "We are looking into it.")).expect(201);
        ReceivedMail answer = mailFor(attackerEmail, 1).get(0);
        assertThat(answer.subject()).contains("Refund?");
        // the answer's message carries no order: the customer typed it
        assertThat(notification("ticket:" + ticket + ":1").get("orderId")).isNull();
        // a message stored before that, which did carry the ticket's order, is not asked either
        mongo.insert(new Document("_id", "ticket:legacy-" + UUID.randomUUID() + ":1").append("recipientId", attacker)
                .append("orderId", order.toString()).append("channel", "EMAIL").append("template", "ticket-answered")
                .append("status", "SENT").append("attempts", 1).append("createdAt", java.util.Date.from(
                        Instant.now().minusSeconds(3600))), "notifications");

        UUID refundEvent = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-9",
                "re-9", Money.of(4200, "EUR")));
        Document waiting = await().atMost(Duration.ofSeconds(20)).until(() -> notification(refundEvent.toString()),
                n -> n != null && "waiting for the recipient's contact details".equals(n.getString("failureReason")));
        assertThat(waiting.getString("status")).isEqualTo("PENDING");
        assertThat(waiting.getString("recipientId")).isNull();

        events.send(Topics.ORDER_EVENTS, order.toString(), new OrderConfirmed(order, victim, "cart-9",
                List.of(new OrderLine("SKU-9", "p9", "Lamp", 1, Money.of(4200, "EUR"))), Money.of(4200, "EUR"),
                Instant.now()));

        Document sent = awaitNotification(refundEvent.toString(), "SENT");
        assertThat(sent.getString("recipientId")).isEqualTo(victim);
        assertThat(mailFor(victimEmail, 2)).anyMatch(m -> m.subject().equals("Refund of 42.00 EUR"));
        assertThat(mailFor(attackerEmail)).hasSize(1).noneMatch(m -> m.subject().startsWith("Refund of"));
    }

    @Test
    void returnsAreMailedToTheirCustomer() {
        String customer = UUID.randomUUID().toString();
        String email = address("hugo");
        contact(customer, email, "Hugo", "es");
        UUID order = UUID.randomUUID();
        events.send(Topics.RETURNS_EVENTS, order.toString(), new ReturnApproved(UUID.randomUUID(), "RMA-4242",
                order, customer, "Usa la etiqueta prepagada", Instant.now()));

        ReceivedMail mail = mailFor(email, 1).get(0);

        assertThat(mail.subject()).isEqualTo("Devolución RMA-4242 aprobada");
        assertThat(mail.text()).contains("Usa la etiqueta prepagada").contains(BASE + "/orders/" + order);
    }

    @Test
    void lowStockAlertsEachAddressOfTheStaffListWithAMessageOfItsOwn() {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 6);
        UUID eventId = events.send(Topics.INVENTORY_EVENTS, sku, new LowStock(sku, "MAD-1", 3, 1, 5, 50));

        List<ReceivedMail> alerts = await().atMost(Duration.ofSeconds(20)).until(() -> Infra.smtp().receivedMail()
                .stream().filter(m -> m.subject().contains(sku)).toList(), found -> found.size() >= 2);

        // One message per address: a relay refusing one address costs the others nothing.
        assertThat(alerts).hasSize(2);
        assertThat(alerts).extracting(m -> m.to().size()).containsOnly(1);
        assertThat(alerts.stream().flatMap(m -> m.to().stream()))
                .containsExactlyInAnyOrder("stock@tienda.example.com", "buyer@tienda.example.com");
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.subject()).isEqualTo("Low stock: " + sku + " at MAD-1");
            assertThat(alert.text()).contains("Reorder quantity: 50");
        });
        List<Document> queued = staffMessages(eventId);
        assertThat(queued).hasSize(2).allSatisfy(n -> {
            assertThat(n.getString("status")).isEqualTo("SENT");
            assertThat(n.getList("addresses", String.class)).hasSize(1);
        });
        assertThat(notification(eventId.toString())).isNull();

        // The same event again queues and sends nothing more.
        events.send(Topics.INVENTORY_EVENTS, sku, eventId, new LowStock(sku, "MAD-1", 3, 1, 5, 50));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> Infra.smtp().receivedMail()
                .stream().filter(m -> m.subject().contains(sku)).count() == 2);
    }

    @Test
    void aMessageThatCanNeverBeMailedIsDeadLetteredAndBlocksNothing() {
        String customer = UUID.randomUUID().toString();
        String email = address("lola");
        contact(customer, email, "Lola", "es");
        UUID order = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        events.send(Topics.ORDER_EVENTS, order.toString(), poison, "order.confirmed", "{\"orderId\": 42");
        UUID noCustomer = UUID.randomUUID();
        events.send(Topics.ORDER_EVENTS, order.toString(), noCustomer, "order.delivered",
                "{\"orderId\": \"" + order + "\", \"orderNumber\": \"T-9\"}");
        events.send(Topics.ORDER_EVENTS, order.toString(), new OrderDelivered(order, "T-9", customer, List.of(),
                Instant.now()));

        assertThat(mailFor(email, 1).get(0).subject()).isEqualTo("Pedido T-9 entregado");
        List<String> deadLettered = new io.tienda.platform.testing.KafkaProbe(bootstrapServers)
                .read(Topics.deadLetter(Topics.ORDER_EVENTS), r -> false, Duration.ofSeconds(3)).stream()
                .map(r -> io.tienda.platform.testing.KafkaProbe.header(r, "eventId")).toList();
        assertThat(deadLettered).contains(poison.toString(), noCustomer.toString());
        assertThat(notification(poison.toString())).isNull();
        assertThat(notification(noCustomer.toString())).isNull();
    }
}
