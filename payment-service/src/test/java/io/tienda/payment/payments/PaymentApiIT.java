package io.tienda.payment.payments;

import io.tienda.payment.support.PaymentIT;
import io.tienda.platform.testing.AllAtOnce;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.security.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.platform.testing.security.TestTokens.customer;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading a payment, staff refunds and invoices over HTTP: who may do what, and bad input changing nothing. */
class PaymentApiIT extends PaymentIT {

    private String refunds(UUID payment) {
        return "/api/v1/payments/" + payment + "/refunds";
    }

    @Test
    void theOwnerAndStaffReadAPaymentAndNobodyElseLearnsItExists() {
        String alice = TestTokens.newCustomer();
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, alice, 2599);

        ApiReply mine = api.get("/api/v1/payments/" + payment, customer(alice)).expect(200);
        assertThat(mine.text("status")).isEqualTo("CAPTURED");
        assertThat(mine.json().get("capturedAmount").asLong()).isEqualTo(2599);
        assertThat(mine.json().get("refundable").asLong()).isEqualTo(2599);
        assertThat(mine.body()).doesNotContain("pm_card");
        for (String role : new String[] {"SUPPORT", "MANAGER", "ADMIN"}) {
            api.get("/api/v1/payments/" + payment, staff(role)).expect(200);
        }
        api.get("/api/v1/payments/" + payment, customer(TestTokens.newCustomer())).expectProblem(404, "not-found");
        api.get("/api/v1/payments/" + UUID.randomUUID(), customer(alice)).expectProblem(404, "not-found");
        api.get("/api/v1/payments/" + payment).expectProblem(401, "unauthorized");
        api.get("/api/v1/payments/not-a-uuid", customer(alice)).expect(400);
    }

    @Test
    void aPaymentWaitingForThreeDSecureShowsItsNextAction() {
        String alice = TestTokens.newCustomer();
        UUID order = UUID.randomUUID();
        authorize(order, alice, 1000, "pm_card_authenticationRequired");

        ApiReply reply = api.get("/api/v1/payments/" + paymentOf(order), customer(alice)).expect(200);

        assertThat(reply.text("status")).isEqualTo("REQUIRES_ACTION");
        assertThat(reply.json().get("nextAction").get("type").asString()).isEqualTo("redirect_to_url");
        assertThat(reply.json().get("nextAction").get("url").asString()).contains("/simulator/authenticate/pi_sim_");
        String secret = reply.json().get("nextAction").get("clientSecret").asString();
        assertThat(secret).isEqualTo(payment(paymentOf(order)).get("client_secret")).contains("_secret_");
    }

    @Test
    void staffReadingAPaymentWaitingForThreeDSecureNeverSeeItsClientSecret() {
        String alice = TestTokens.newCustomer();
        UUID order = UUID.randomUUID();
        authorize(order, alice, 1000, "pm_card_authenticationRequired");
        String secret = (String) payment(paymentOf(order)).get("client_secret");
        assertThat(secret).isNotBlank();

        for (String role : new String[] {"SUPPORT", "MANAGER", "ADMIN"}) {
            ApiReply reply = api.get("/api/v1/payments/" + paymentOf(order), staff(role)).expect(200);
            assertThat(reply.json().get("nextAction").get("type").asString()).isEqualTo("redirect_to_url");
            assertThat(reply.json().get("nextAction").get("url").asString()).contains("/simulator/authenticate/");
            tools.jackson.databind.JsonNode shown = reply.json().get("nextAction").get("clientSecret");
            assertThat(shown == null || shown.isNull()).as(role).isTrue();
            assertThat(reply.body()).as(role).doesNotContain(secret);
        }
    }

    @Test
    void onlyManagersAndAdministratorsRefund() {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 5000);
        Map<String, Object> body = Map.of("amount", 500, "reason", "damaged");

        api.post(refunds(payment), customer(TestTokens.newCustomer()), body, "k-" + UUID.randomUUID())
                .expectProblem(403, "forbidden");
        api.post(refunds(payment), staff("SUPPORT"), body, "k-" + UUID.randomUUID()).expectProblem(403, "forbidden");
        api.post(refunds(payment), staff("ANALYST"), body, "k-" + UUID.randomUUID()).expectProblem(403, "forbidden");
        api.send(HttpMethod.POST, refunds(payment), null, body, Map.of("Idempotency-Key", "k-anon"))
                .expectProblem(401, "unauthorized");
        assertThat(payment(payment)).containsEntry("refunded_amount", 0L);

        ApiReply manager = api.post(refunds(payment), staff("MANAGER"), body, "k-" + UUID.randomUUID()).expect(201);
        ApiReply admin = api.post(refunds(payment), staff("ADMIN"), body, "k-" + UUID.randomUUID()).expect(201);

        assertThat(manager.text("status")).isEqualTo("SUCCEEDED");
        assertThat(manager.text("source")).isEqualTo("STAFF");
        assertThat(admin.json().get("amount").asLong()).isEqualTo(500);
        assertThat(payment(payment)).containsEntry("refunded_amount", 1000L);
        assertThat(status(payment)).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(api.get("/api/v1/payments/" + payment, staff("SUPPORT")).expect(200).json().get("refunds").size())
                .isEqualTo(2);
    }

    @Test
    void aRetriedRefundAnswersTheFirstAnswerAndAReusedKeyIsRefused() {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 5000);
        String key = "refund-" + UUID.randomUUID();

        ApiReply first = api.post(refunds(payment), staff("MANAGER"), Map.of("amount", 700, "reason", "late"), key)
                .expect(201);
        ApiReply again = api.post(refunds(payment), staff("MANAGER"), Map.of("amount", 700, "reason", "late"), key)
                .expect(201);
        api.post(refunds(payment), staff("MANAGER"), Map.of("amount", 900, "reason", "late"), key)
                .expectProblem(422, "idempotency-key-reused");

        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(payment(payment)).containsEntry("refunded_amount", 700L);
        assertThat(count("select count(*) from refunds where payment_id = ?", payment)).isEqualTo(1);
    }

    @Test
    void oneRefundSentSixTimesAtOnceWithOneKeyRefundsOnce() {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 5000);
        String key = "refund-" + UUID.randomUUID();

        List<ApiReply> replies = AllAtOnce.run(6,
                i -> api.post(refunds(payment), staff("MANAGER"), Map.of("amount", 700, "reason", "late"), key));

        assertThat(replies).allSatisfy(reply -> reply.expect(201));
        assertThat(replies).extracting(reply -> reply.headers().getFirst("Idempotent-Replayed"))
                .containsOnlyOnce("false").containsOnly("false", "true");
        assertThat(replies).extracting(reply -> reply.text("id")).containsOnly(replies.get(0).text("id"));
        assertThat(payment(payment)).containsEntry("refunded_amount", 700L);
        assertThat(count("select count(*) from refunds where payment_id = ?", payment)).isEqualTo(1);
    }

    @Test
    void refundsBeyondWhatWasCapturedOrOfMoneyNeverTakenAreConflicts() {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
        api.post(refunds(payment), staff("ADMIN"), Map.of("amount", 1001, "reason", "x"), "k-" + UUID.randomUUID())
                .expectProblem(409, "refund-exceeds-captured");

        UUID authorizedOnly = UUID.randomUUID();
        authorize(authorizedOnly, TestTokens.newCustomer(), 1000, "pm_card_visa");
        api.post(refunds(paymentOf(authorizedOnly)), staff("ADMIN"), Map.of("amount", 10, "reason", "x"),
                "k-" + UUID.randomUUID()).expectProblem(409, "payment-not-captured");
        api.post(refunds(UUID.randomUUID()), staff("ADMIN"), Map.of("amount", 10, "reason", "x"),
                "k-" + UUID.randomUUID()).expectProblem(404, "not-found");
        assertThat(payment(payment)).containsEntry("refunded_amount", 0L).containsEntry("refund_pending_amount", 0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"amount\":0,\"reason\":\"x\"}", "{\"amount\":-5,\"reason\":\"x\"}",
            "{\"reason\":\"x\"}", "{\"amount\":10}", "{\"amount\":\"ten\",\"reason\":\"x\"}", "{ not json",
            "{\"amount\":10.5,\"reason\":\"x\"}", "[]"})
    void badRefundsAreBadRequestProblemsAndChangeNothing(String body) {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);

        ApiReply reply = api.post(refunds(payment), staff("MANAGER"), body, "k-" + UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(count("select count(*) from refunds where payment_id = ?", payment)).isZero();
        assertThat(payment(payment)).containsEntry("refunded_amount", 0L).containsEntry("refund_pending_amount", 0L);
    }

    @Test
    void aRefundNeedsAWellFormedIdempotencyKey() {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);

        assertThat(api.post(refunds(payment), staff("MANAGER"), Map.of("amount", 10, "reason", "x"))
                .expectProblem(400, "validation").errorFields()).containsExactly("Idempotency-Key");
        for (String key : List.of(" ", "x".repeat(256), "has space", "tab\there", "ñ")) {
            assertThat(api.post(refunds(payment), staff("MANAGER"), Map.of("amount", 10, "reason", "x"), key)
                    .expectProblem(400, "validation").errorFields()).as(key).containsExactly("Idempotency-Key");
        }
        // The longest key the rule allows is taken.
        api.post(refunds(payment), staff("MANAGER"), Map.of("amount", 10, "reason", "x"), "k".repeat(255))
                .expect(201);

        assertThat(count("select count(*) from refunds where payment_id = ?", payment)).isEqualTo(1);
    }

    @Test
    void aCapturedPaymentHasAnInvoiceAsHtmlAndPdf() throws Exception {
        String alice = TestTokens.newCustomer();
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, alice, 2599);
        String number = api.get("/api/v1/payments/" + payment, customer(alice)).expect(200).json()
                .get("invoiceNumber").asString();
        assertThat(number).matches("TIE-\\d{4}-\\d{6,}").isEqualTo(invoiceNumber(payment));
        api.post(refunds(payment), staff("MANAGER"), Map.of("amount", 599, "reason", "a broken mug"),
                "k-" + UUID.randomUUID()).expect(201);
        // The number was given once, at the capture: a refund and every later read keep it.
        assertThat(api.get("/api/v1/payments/" + payment, staff("SUPPORT")).expect(200).json().get("invoiceNumber")
                .asString()).isEqualTo(number);

        EntityExchangeResult<String> html = http.get().uri("/api/v1/payments/{id}/invoice", payment)
                .accept(MediaType.TEXT_HTML).headers(h -> h.setBearerAuth(customer(alice)))
                .exchange().expectStatus().isOk().returnResult(String.class);
        assertThat(html.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(html.getResponseBody()).contains("Invoice " + number).doesNotContain("Formerly")
                .contains(order.toString()).contains("25.99 EUR")
                .contains("-5.99 EUR").contains("20.00 EUR").contains("a broken mug");

        EntityExchangeResult<byte[]> pdf = http.get().uri("/api/v1/payments/{id}/invoice", payment)
                .accept(MediaType.APPLICATION_PDF).headers(h -> h.setBearerAuth(staff("SUPPORT")))
                .exchange().expectStatus().isOk().returnResult(byte[].class);
        assertThat(pdf.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        byte[] bytes = pdf.getResponseBody();
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Invoice " + number).contains(order.toString()).contains("Total paid: 20.00 EUR");
        }
    }

    @Test
    void onlyCapturedPaymentsHaveInvoicesAndOnlyForTheirOwnerAndStaff() {
        String alice = TestTokens.newCustomer();
        UUID authorized = UUID.randomUUID();
        authorize(authorized, alice, 1000, "pm_card_visa");
        UUID captured = capturedPayment(UUID.randomUUID(), alice, 1000);

        for (MediaType type : new MediaType[] {MediaType.TEXT_HTML, MediaType.APPLICATION_PDF}) {
            assertThat(invoiceStatus(paymentOf(authorized), type, customer(alice))).isEqualTo(409);
            assertThat(invoiceStatus(captured, type, customer(TestTokens.newCustomer()))).isEqualTo(404);
            assertThat(invoiceStatus(UUID.randomUUID(), type, staff("ADMIN"))).isEqualTo(404);
            assertThat(invoiceStatus(captured, type, null)).isEqualTo(401);
        }
        // A client that accepts only PDF still gets the problem, as problem+json.
        http.get().uri("/api/v1/payments/{id}/invoice", paymentOf(authorized)).accept(MediaType.APPLICATION_PDF)
                .headers(h -> h.setBearerAuth(customer(alice))).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://tienda.io/problems/payment-not-captured");
    }

    private int invoiceStatus(UUID payment, MediaType type, String token) {
        return http.get().uri("/api/v1/payments/{id}/invoice", payment).accept(type, MediaType.APPLICATION_PROBLEM_JSON)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                }).exchange().returnResult(byte[].class).getStatus().value();
    }
}
