package io.tienda.notification.ticket;

import io.tienda.notification.NotificationServiceIT;
import io.tienda.platform.testing.AllAtOnce;
import io.tienda.platform.testing.Infra;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.infra.ReceivedMail;
import io.tienda.platform.testing.security.TestTokens;
import io.tienda.platform.web.IdempotentAnswers;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Customer queries: who sees what, the OPEN → ANSWERED → CLOSED conversation, and the answer's mail. */
class TicketsIT extends NotificationServiceIT {

    private static final String SUPPORT = TestTokens.staff("SUPPORT");

    @Test
    void aCustomerOpensATicketThatOnlyTheyAndStaffCanSee() {
        String owner = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        ApiReply created = api.post("/api/v1/tickets", TestTokens.customer(owner),
                Map.of("subject", "Where is my order?", "message", "It has been a week.", "orderId", order))
                .expect(201);
        String id = created.text("id");

        assertThat(created.headers().getLocation()).hasPath("/api/v1/tickets/" + id);
        assertThat(created.text("status")).isEqualTo("OPEN");
        assertThat(created.text("customerId")).isEqualTo(owner);
        assertThat(created.text("orderId")).isEqualTo(order);
        assertThat(created.json().get("messages").get(0).get("author").asString()).isEqualTo("CUSTOMER");
        assertThat(api.get("/api/v1/tickets/" + id, TestTokens.customer(owner)).expect(200).text("subject"))
                .isEqualTo("Where is my order?");
        for (String role : new String[] {"SUPPORT", "MANAGER", "ADMIN"}) {
            api.get("/api/v1/tickets/" + id, TestTokens.staff(role)).expect(200);
        }
        String stranger = TestTokens.customer(UUID.randomUUID().toString());
        api.get("/api/v1/tickets/" + id, stranger).expectProblem(404, "not-found");
        api.post("/api/v1/tickets/" + id + "/messages", stranger, Map.of("message", "me too"))
                .expectProblem(404, "not-found");
        api.post("/api/v1/tickets/" + id + "/close", stranger, null).expectProblem(404, "not-found");
        api.get("/api/v1/tickets/" + id, TestTokens.token("a-1", "ANALYST")).expectProblem(404, "not-found");
        api.get("/api/v1/tickets/" + id, null).expectProblem(401, "unauthorized");
        api.get("/api/v1/tickets/no-such-ticket", SUPPORT).expectProblem(404, "not-found");
    }

    @Test
    void aStaffAnswerIsMailedAndTheConversationMovesBetweenTheSides() {
        String owner = UUID.randomUUID().toString();
        String email = address("julia");
        contact(owner, email, "Julia", "es");
        String customer = TestTokens.customer(owner);
        String id = api.post("/api/v1/tickets", customer, Map.of("subject", "Talla equivocada",
                "message", "Me llegó una M y pedí una L.")).expect(201).text("id");

        ApiReply answered = api.post("/api/v1/tickets/" + id + "/messages", SUPPORT,
                Map.of("message", "Te enviamos una L hoy mismo.")).expect(201);
        assertThat(answered.text("status")).isEqualTo("ANSWERED");
        assertThat(answered.json().get("messages").get(1).get("author").asString()).isEqualTo("STAFF");

        ReceivedMail mail = mailFor(email, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Respuesta a tu consulta: Talla equivocada");
        assertThat(mail.text()).contains("Hola Julia,").contains("Te enviamos una L hoy mismo.")
                .contains(BASE + "/tickets/" + id);

        // A second staff reply keeps it ANSWERED and mails again; the customer's reply reopens it.
        api.post("/api/v1/tickets/" + id + "/messages", TestTokens.staff("MANAGER"), Map.of("message", "Enviada."))
                .expect(201);
        mailFor(email, 2);
        assertThat(api.post("/api/v1/tickets/" + id + "/messages", customer, Map.of("message", "¡Gracias!"))
                .expect(201).text("status")).isEqualTo("OPEN");
        assertThat(api.post("/api/v1/tickets/" + id + "/close", customer, null).expect(200).text("status"))
                .isEqualTo("CLOSED");

        api.post("/api/v1/tickets/" + id + "/messages", customer, Map.of("message", "otra cosa"))
                .expectProblem(409, "illegal-transition");
        api.post("/api/v1/tickets/" + id + "/messages", SUPPORT, Map.of("message", "x"))
                .expectProblem(409, "illegal-transition");
        api.post("/api/v1/tickets/" + id + "/close", SUPPORT, null).expectProblem(409, "illegal-transition");
        JsonNode ticket = api.get("/api/v1/tickets/" + id, customer).expect(200).json();
        assertThat(ticket.get("messages").size()).isEqualTo(4);
        assertThat(ticket.get("status").asString()).isEqualTo("CLOSED");
        assertThat(mailFor(email)).hasSize(2);
        // the customer sees that staff answered, not who; staff see who
        assertThat(ticket.get("messages").get(0).get("authorId").asString()).isEqualTo(owner);
        assertThat(ticket.get("messages").get(1).get("authorId").isNull()).isTrue();
        assertThat(ticket.get("messages").get(2).get("authorId").isNull()).isTrue();
        JsonNode forStaff = api.get("/api/v1/tickets/" + id, SUPPORT).expect(200).json();
        assertThat(forStaff.get("messages").get(1).get("authorId").asString()).isNotBlank().isNotEqualTo(owner);
        // Lists show a summary of the conversation, the same to both sides, and never who in staff wrote
        for (String caller : new String[] {customer, SUPPORT}) {
            JsonNode item = api.get("/api/v1/tickets?customerId=" + owner, caller).expect(200).json().get("items")
                    .get(0);
            assertThat(item.has("messages")).isFalse();
            assertThat(item.toString()).doesNotContain("authorId");
            assertThat(item.get("messageCount").asInt()).isEqualTo(4);
            assertThat(item.get("lastMessageAuthor").asString()).isEqualTo("CUSTOMER");
            assertThat(item.get("lastMessagePreview").asString()).isEqualTo("¡Gracias!");
            assertThat(item.get("lastMessageAt").asString()).isEqualTo(ticket.get("messages").get(3).get("at").asString());
            assertThat(item.get("subject").asString()).isEqualTo("Talla equivocada");
            assertThat(item.get("status").asString()).isEqualTo("CLOSED");
            assertThat(item.get("customerId").asString()).isEqualTo(owner);
        }
    }

    @Test
    void listsCarrySummariesNotConversations() {
        String owner = UUID.randomUUID().toString();
        String id = open(owner, "Largo", null);
        String longAnswer = "ñ".repeat(4000) + "x".repeat(1000);
        api.post("/api/v1/tickets/" + id + "/messages", SUPPORT, Map.of("message", longAnswer)).expect(201);

        for (String caller : new String[] {SUPPORT, TestTokens.customer(owner)}) {
            ApiReply list = api.get("/api/v1/tickets?customerId=" + owner, caller).expect(200);
            JsonNode item = list.json().get("items").get(0);
            assertThat(item.get("id").asString()).isEqualTo(id);
            assertThat(item.has("messages")).isFalse();
            assertThat(item.get("messageCount").asInt()).isEqualTo(2);
            assertThat(item.get("lastMessageAuthor").asString()).isEqualTo("STAFF");
            assertThat(item.get("lastMessagePreview").asString()).isEqualTo("ñ".repeat(140) + "…");
            assertThat(list.body().length()).isLessThan(2_000);
        }
        // the single ticket still has the whole conversation
        JsonNode ticket = api.get("/api/v1/tickets/" + id, SUPPORT).expect(200).json();
        assertThat(ticket.get("messages").get(1).get("body").asString()).isEqualTo(longAnswer);
    }

    @Test
    void staffWorkAQueueFilteredByStatusOrderAndCustomer() {
        String ana = UUID.randomUUID().toString();
        String bea = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        String first = open(ana, "uno", order);
        String second = open(ana, "dos", null);
        String third = open(bea, "tres", order);
        api.post("/api/v1/tickets/" + second + "/messages", SUPPORT, Map.of("message", "hecho")).expect(201);

        assertThat(ids(api.get("/api/v1/tickets?orderId=" + order, SUPPORT).expect(200)))
                .containsExactly(first, third);
        assertThat(ids(api.get("/api/v1/tickets?customerId=" + ana + "&status=ANSWERED", SUPPORT).expect(200)))
                .containsExactly(second);
        ApiReply paged = api.get("/api/v1/tickets?customerId=" + ana + "&size=1&page=1", SUPPORT).expect(200);
        assertThat(paged.json().get("total").asInt()).isEqualTo(2);
        assertThat(ids(paged)).hasSize(1);

        // A customer's list is their own, newest first, and names no one else.
        assertThat(ids(api.get("/api/v1/tickets", TestTokens.customer(ana)).expect(200)))
                .containsExactly(second, first);
        assertThat(ids(api.get("/api/v1/tickets?status=OPEN", TestTokens.customer(ana)).expect(200)))
                .containsExactly(first);
        api.get("/api/v1/tickets?customerId=" + bea, TestTokens.customer(ana)).expectProblem(404, "not-found");
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        String customer = TestTokens.customer(UUID.randomUUID().toString());
        api.post("/api/v1/tickets", customer, Map.of("subject", "", "message", "x")).expectProblem(400, "validation");
        api.post("/api/v1/tickets", customer, Map.of("subject", "x")).expectProblem(400, "validation");
        api.post("/api/v1/tickets", customer, Map.of("subject", "x".repeat(201), "message", "x"))
                .expectProblem(400, "validation");
        Map<String, Object> badOrder = new HashMap<>(Map.of("subject", "x", "message", "y", "orderId", "order-1"));
        assertThat(api.post("/api/v1/tickets", customer, badOrder).status()).isEqualTo(400);
        api.post("/api/v1/tickets", customer, "not json").expectProblem(400, "malformed-request");
        api.get("/api/v1/tickets?status=LOST", customer).expectProblem(400, "invalid-parameter");
        api.get("/api/v1/tickets?size=0", customer).expectProblem(400, "validation");
        api.post("/api/v1/tickets", SUPPORT, Map.of("subject", "x", "message", "y")).expectProblem(403, "forbidden");
        api.post("/api/v1/tickets", null, Map.of("subject", "x", "message", "y")).expectProblem(401, "unauthorized");
    }

    @Test
    void aRetriedOpenWithTheSameKeyAnswersTheSameTicket() {
        String owner = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("subject", "Factura", "message", "Necesito la factura.");
        String key = UUID.randomUUID().toString();

        String first = api.post("/api/v1/tickets", TestTokens.customer(owner), body, key).expect(201).text("id");
        String again = api.post("/api/v1/tickets", TestTokens.customer(owner), body, key).expect(201).text("id");

        assertThat(again).isEqualTo(first);
        assertThat(api.get("/api/v1/tickets", TestTokens.customer(owner)).expect(200).json().get("total").asInt())
                .isEqualTo(1);
        // The same for a reply: the retry answers the ticket with the one message.
        String replyKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            ApiReply replied = api.post("/api/v1/tickets/" + first + "/messages", SUPPORT,
                    Map.of("message", "Adjunta."), replyKey).expect(201);
            assertThat(replied.json().get("messages").size()).isEqualTo(2);
        }
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsRefusedAndChangesNothing() {
        String owner = UUID.randomUUID().toString();
        String customer = TestTokens.customer(owner);
        String order = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("subject", "Factura", "message", "Necesito la factura.", "orderId", order);
        String key = UUID.randomUUID().toString();
        ApiReply first = api.post("/api/v1/tickets", customer, body, key).expect(201);
        String id = first.text("id");
        assertThat(first.headers().getFirst(IdempotentAnswers.REPLAYED)).isEqualTo("false");

        for (Map<String, Object> other : List.<Map<String, Object>>of(
                Map.of("subject", "Otra cosa", "message", "Necesito la factura.", "orderId", order),
                Map.of("subject", "Factura", "message", "Necesito otra cosa.", "orderId", order),
                Map.of("subject", "Factura", "message", "Necesito la factura."),
                Map.of("subject", "Factura", "message", "Necesito la factura.", "orderId", order,
                        "returnId", UUID.randomUUID().toString()))) {
            api.post("/api/v1/tickets", customer, other, key).expectProblem(422, "idempotency-key-reused");
        }
        ApiReply again = api.post("/api/v1/tickets", customer, body, key).expect(201);
        assertThat(again.text("id")).isEqualTo(id);
        assertThat(again.headers().getFirst(IdempotentAnswers.REPLAYED)).isEqualTo("true");
        assertThat(api.get("/api/v1/tickets", customer).expect(200).json().get("total").asInt()).isEqualTo(1);
        JsonNode ticket = api.get("/api/v1/tickets/" + id, customer).expect(200).json();
        assertThat(ticket.get("subject").asString()).isEqualTo("Factura");
        assertThat(ticket.get("messages").size()).isEqualTo(1);
        assertThat(ticket.get("messages").get(0).get("body").asString()).isEqualTo("Necesito la factura.");

        // A reply's key: the same message again is a retry, another message with it is refused.
        String replyKey = UUID.randomUUID().toString();
        String path = "/api/v1/tickets/" + id + "/messages";
        assertThat(api.post(path, SUPPORT, Map.of("message", "Adjunta."), replyKey).expect(201).headers()
                .getFirst(IdempotentAnswers.REPLAYED)).isEqualTo("false");
        api.post(path, SUPPORT, Map.of("message", "Otra respuesta."), replyKey)
                .expectProblem(422, "idempotency-key-reused");
        ApiReply retried = api.post(path, SUPPORT, Map.of("message", "Adjunta."), replyKey).expect(201);
        assertThat(retried.headers().getFirst(IdempotentAnswers.REPLAYED)).isEqualTo("true");
        JsonNode replied = api.get("/api/v1/tickets/" + id, SUPPORT).expect(200).json();
        assertThat(replied.get("messages").valueStream().map(m -> m.get("body").asString()).toList())
                .containsExactly("Necesito la factura.", "Adjunta.");
    }

    /**
     * A ticket's id derives from its customer and key, so the ticket a key names can belong to someone else
     * only once its customer was erased (the ticket then has an anonymous owner): the key is spent.
     */
    @Test
    void aKeyWhoseTicketHasAnotherOwnerIsRefusedAsReused() {
        String owner = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        String id = UUID.nameUUIDFromBytes((owner + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
        java.util.Date now = new java.util.Date();
        mongo.insert(new org.bson.Document("_id", id).append("customerId", "erased-" + owner)
                .append("subject", "[erased]").append("status", "CLOSED").append("createdAt", now)
                .append("updatedAt", now).append("version", 1L).append("messages", List.of(
                        new org.bson.Document("author", "CUSTOMER").append("authorId", "erased-" + owner)
                                .append("body", "[erased]").append("at", now).append("mailPending", false))),
                "tickets");

        api.post("/api/v1/tickets", TestTokens.customer(owner), Map.of("subject", "Hola", "message", "Otra vez."),
                key).expectProblem(422, "idempotency-key-reused");
        assertThat(mongo.findById(id, org.bson.Document.class, "tickets").getString("subject")).isEqualTo("[erased]");
    }

    /**
     * A ticket's subject goes into the subject line of the answer's mail, so it is one line; a message is
     * the body of that mail and keeps its line breaks and tabs, but no other control character.
     */
    @Test
    void aSubjectIsOneLineAndAMessageHoldsNoControlCharacterButLineBreaksAndTabs() {
        String owner = UUID.randomUUID().toString();
        String customer = TestTokens.customer(owner);
        for (String subject : List.of("Hola\r\nBcc: someone@example.com", "Hola\nmundo", "Hola\rmundo",
                "tab\there", "nul\u0000", "esc\u001b[31m", "del\u007f", "nel\u0085", "línea\u2028aparte",
                "párrafo\u2029aparte")) {
            assertThat(api.post("/api/v1/tickets", customer, Map.of("subject", subject, "message", "x"))
                    .expectProblem(400, "validation").errorFields()).as(subject).containsExactly("subject");
        }
        List<String> badMessages = List.of("nul\u0000", "bell\u0007", "esc\u001b[31m", "vt\u000bff\u000c",
                "del\u007f", "nel\u0085");
        for (String message : badMessages) {
            assertThat(api.post("/api/v1/tickets", customer, Map.of("subject", "Factura", "message", message))
                    .expectProblem(400, "validation").errorFields()).as(message).containsExactly("message");
        }
        assertThat(api.get("/api/v1/tickets", customer).expect(200).json().get("total").asInt()).isZero();

        String email = address("eva");
        contact(owner, email, "Eva", "en");
        String lines = "First line\nsecond line\r\nthird\twith a tab";
        ApiReply created = api.post("/api/v1/tickets", customer, Map.of("subject", "Invoice", "message", lines))
                .expect(201);
        String id = created.text("id");
        assertThat(created.json().get("messages").get(0).get("body").asString()).isEqualTo(lines);
        for (String message : badMessages) {
            assertThat(api.post("/api/v1/tickets/" + id + "/messages", SUPPORT, Map.of("message", message))
                    .expectProblem(400, "validation").errorFields()).as(message).containsExactly("message");
        }
        assertThat(api.get("/api/v1/tickets/" + id, SUPPORT).expect(200).json().get("messages").size()).isEqualTo(1);
        api.post("/api/v1/tickets/" + id + "/messages", SUPPORT, Map.of("message", "Attached.\r\n\tRegards"))
                .expect(201);
        ReceivedMail mail = mailFor(email, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Reply to your query: Invoice");
        assertThat(mail.text()).contains("Attached.").contains("\tRegards");
        assertThat(mailFor(email)).hasSize(1);
    }

    /**
     * A ticket written before subjects had to be one line: its subject reaches the answer's mail as one
     * line of plain text, and no header of its own.
     */
    @Test
    void aStoredSubjectWithLineBreaksAndControlCharactersStaysInOneSubjectLine() throws Exception {
        String owner = UUID.randomUUID().toString();
        String email = address("olga");
        String bystander = address("bystander");
        contact(owner, email, "Olga", "en");
        String id = UUID.randomUUID().toString();
        java.util.Date now = new java.util.Date();
        mongo.insert(new org.bson.Document("_id", id).append("customerId", owner)
                .append("subject", "Order\r\nBcc: " + bystander + "\r\nX-Extra: 1\u0000\u2028\u0085end")
                .append("status", "OPEN").append("createdAt", now).append("updatedAt", now).append("version", 1L)
                .append("messages", List.of(new org.bson.Document("author", "CUSTOMER").append("authorId", owner)
                        .append("body", "?").append("at", now).append("mailPending", false))),
                "tickets");

        api.post("/api/v1/tickets/" + id + "/messages", SUPPORT, Map.of("message", "Answered.")).expect(201);

        mailFor(email, 1);
        MimeMessage mime = Infra.smtp().receivedMessages().stream().filter(m -> ReceivedMail.of(m).isFor(email))
                .findFirst().orElseThrow();
        assertThat(mime.getSubject()).isEqualTo("Reply to your query: Order Bcc: " + bystander + " X-Extra: 1 end");
        assertThat(mime.getHeader("Subject")).hasSize(1);
        assertThat(mime.getHeader("Bcc")).isNull();
        assertThat(mime.getHeader("X-Extra")).isNull();
        assertThat(mime.getAllRecipients()).extracting(Object::toString).containsExactly(email);
        assertThat(mailFor(bystander)).isEmpty();
    }

    @Test
    void anIdempotencyKeyOutsideTheFleetsFormatIsRefusedAndChangesNothing() {
        String owner = UUID.randomUUID().toString();
        String customer = TestTokens.customer(owner);
        Map<String, Object> body = Map.of("subject", "Factura", "message", "Necesito la factura.");
        String id = api.post("/api/v1/tickets", customer, body).expect(201).text("id");
        for (String key : List.of(" ", "x".repeat(256), "has space", "tab\there", "clave-ñ")) {
            assertThat(api.post("/api/v1/tickets", customer, body, key).expectProblem(400, "validation")
                    .errorFields()).as(key).containsExactly("Idempotency-Key");
            assertThat(api.post("/api/v1/tickets/" + id + "/messages", SUPPORT, Map.of("message", "x"), key)
                    .expectProblem(400, "validation").errorFields()).as(key).containsExactly("Idempotency-Key");
        }
        assertThat(api.get("/api/v1/tickets", customer).expect(200).json().get("total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/tickets/" + id, customer).expect(200).json().get("messages").size()).isEqualTo(1);
        // The longest key the format allows is taken.
        api.post("/api/v1/tickets", customer, body, "k".repeat(255)).expect(201);
    }

    /** A reply written before a crash that kept its mail from being queued: the sweep queues it. */
    @Test
    void aReplyWhoseMailWasNotQueuedIsMailedByTheSweep() {
        String owner = UUID.randomUUID().toString();
        String email = address("marta");
        contact(owner, email, "Marta", "en");
        String id = UUID.randomUUID().toString();
        java.util.Date now = new java.util.Date();
        mongo.insert(new org.bson.Document("_id", id).append("customerId", owner).append("subject", "Lost reply")
                .append("status", "ANSWERED").append("createdAt", now).append("updatedAt", now).append("version", 1L)
                .append("messages", List.of(
                        new org.bson.Document("author", "CUSTOMER").append("authorId", owner).append("body", "?")
                                .append("at", now).append("mailPending", false),
                        new org.bson.Document("author", "STAFF").append("authorId", "s-1")
                                .append("body", "Here is the answer.").append("at", now).append("mailPending", true))),
                "tickets");

        ReceivedMail mail = mailFor(email, 1).get(0);

        assertThat(mail.subject()).isEqualTo("Reply to your query: Lost reply");
        assertThat(mail.text()).contains("Here is the answer.");
        org.bson.Document ticket = org.awaitility.Awaitility.await().until(
                () -> mongo.findById(id, org.bson.Document.class, "tickets"),
                t -> t.getList("messages", org.bson.Document.class).stream().noneMatch(m -> m.getBoolean("mailPending")));
        assertThat(ticket.getLong("version")).isGreaterThan(1L);
        assertThat(mailFor(email)).hasSize(1);
    }

    @Test
    void concurrentRepliesAreAllKept() throws Exception {
        String owner = UUID.randomUUID().toString();
        String id = open(owner, "Varias respuestas", null);
        List<Integer> statuses = AllAtOnce.run(6, i -> api.post("/api/v1/tickets/" + id + "/messages",
                TestTokens.token("agent-" + i, "SUPPORT"), Map.of("message", "respuesta " + i)).status());
        assertThat(statuses).containsOnly(201);

        JsonNode ticket = api.get("/api/v1/tickets/" + id, SUPPORT).expect(200).json();
        assertThat(ticket.get("messages").size()).isEqualTo(7);
        assertThat(ticket.get("messages").valueStream().map(m -> m.get("body").asString()).toList())
                .contains("respuesta 0", "respuesta 1", "respuesta 2", "respuesta 3", "respuesta 4", "respuesta 5");
        assertThat(ticket.get("status").asString()).isEqualTo("ANSWERED");
    }

    private String open(String customer, String subject, String order) {
        Map<String, Object> body = new HashMap<>(Map.of("subject", subject, "message", "..."));
        if (order != null) {
            body.put("orderId", order);
        }
        return api.post("/api/v1/tickets", TestTokens.customer(customer), body).expect(201).text("id");
    }

    private static List<String> ids(ApiReply reply) {
        return reply.json().get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }
}
