package io.tienda.payment.stripe;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tienda.payment.payments.domain.PaymentGateway.ActionRequired;
import io.tienda.payment.payments.domain.PaymentGateway.AuthorizationRequest;
import io.tienda.payment.payments.domain.PaymentGateway.Authorized;
import io.tienda.payment.payments.domain.PaymentGateway.Canceled;
import io.tienda.payment.payments.domain.PaymentGateway.CaptureRefused;
import io.tienda.payment.payments.domain.PaymentGateway.Captured;
import io.tienda.payment.payments.domain.PaymentGateway.Declined;
import io.tienda.payment.payments.domain.PaymentGateway.RefundOutcome;
import io.tienda.payment.payments.domain.ProviderUnavailableException;
import io.tienda.payment.payments.domain.RefundStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Stripe adapter against a server that answers in Stripe's API shapes: every request carries
 * its Idempotency-Key, a retry after a timeout or a server error reuses it, and Stripe's answers
 * and errors map to clear outcomes.
 */
class StripeGatewayIT {

    private static final long CAPTURE_BEFORE = 1_893_456_000L;

    static WireMockServer stripe;
    StripeGateway gateway = new StripeGateway(stripe.baseUrl(), "sk_test_123", Duration.ofMillis(800), 3,
            Duration.ofMillis(10), null);

    @BeforeAll
    static void start() {
        stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
    }

    @AfterAll
    static void stop() {
        stripe.stop();
    }

    @AfterEach
    void reset() {
        stripe.resetAll();
    }

    private static AuthorizationRequest request() {
        return new AuthorizationRequest(UUID.randomUUID(), UUID.randomUUID(), 2599, "EUR", "pm_card_visa");
    }

    private static String intent(String id, String status, String extra) {
        return """
                {"id":"%s","object":"payment_intent","amount":2599,"amount_capturable":2599,"amount_received":0,
                 "currency":"eur","capture_method":"manual","client_secret":"%s_secret_abc","status":"%s",
                 "metadata":{},"latest_charge":{"id":"ch_1","object":"charge","payment_method_details":
                 {"type":"card","card":{"brand":"visa","capture_before":%d}}}%s}
                """.formatted(id, id, status, CAPTURE_BEFORE, extra);
    }

    @Test
    void anAuthorisationIsAManualCaptureIntentWithItsKeyAndItsCaptureDeadline() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .willReturn(okJson(intent("pi_ok", "requires_capture", ""))));

        Object answer = gateway.authorize(request(), "key-authorize-1");

        assertThat(answer).isEqualTo(new Authorized("pi_ok", Instant.ofEpochSecond(CAPTURE_BEFORE)));
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("key-authorize-1"))
                .withHeader("Authorization", equalTo("Bearer sk_test_123"))
                .withRequestBody(containing("capture_method=manual"))
                .withRequestBody(containing("confirm=true"))
                .withRequestBody(containing("amount=2599"))
                .withRequestBody(containing("currency=eur")));
    }

    @Test
    void aDeclinedCardIsADeclineWithItsCodes() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
                         "message":"Your card has insufficient funds.","payment_intent":%s}}
                        """.formatted(intent("pi_dec", "requires_payment_method", "")))));

        Object answer = gateway.authorize(request(), "key-declined");

        assertThat(answer).isInstanceOfSatisfying(Declined.class, declined -> {
            assertThat(declined.code()).isEqualTo("card_declined");
            assertThat(declined.declineCode()).isEqualTo("insufficient_funds");
            assertThat(declined.providerPaymentId()).isEqualTo("pi_dec");
        });
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
    }

    @Test
    void anIntentThatRequiresActionCarriesTheNextActionForTheClient() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(intent("pi_3ds",
                "requires_action", """
                        ,"next_action":{"type":"redirect_to_url","redirect_to_url":
                        {"url":"https://hooks.stripe.com/3d_secure_2/authenticate/pi_3ds","return_url":"https://x"}}"""))));

        Object answer = gateway.authorize(request(), "key-3ds");

        assertThat(answer).isInstanceOfSatisfying(ActionRequired.class, action -> {
            assertThat(action.providerPaymentId()).isEqualTo("pi_3ds");
            assertThat(action.nextAction().type()).isEqualTo("redirect_to_url");
            assertThat(action.nextAction().url()).isEqualTo("https://hooks.stripe.com/3d_secure_2/authenticate/pi_3ds");
            assertThat(action.nextAction().clientSecret()).isEqualTo("pi_3ds_secret_abc");
        });
    }

    @Test
    void anAuthenticationRequiredErrorIsAnActionForTheShopperNotADecline() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"type":"card_error","code":"authentication_required",
                         "decline_code":"authentication_required","message":"Authentication required.",
                         "payment_intent":%s}}
                        """.formatted(intent("pi_auth", "requires_payment_method", "")))));

        Object answer = gateway.authorize(request(), "key-auth");

        assertThat(answer).isInstanceOfSatisfying(ActionRequired.class, action -> {
            assertThat(action.providerPaymentId()).isEqualTo("pi_auth");
            assertThat(action.nextAction().clientSecret()).isEqualTo("pi_auth_secret_abc");
        });
    }

    @Test
    void aServerErrorIsRetriedWithTheSameKey() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).inScenario("500").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}"))
                .willSetStateTo("recovered"));
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).inScenario("500").whenScenarioStateIs("recovered")
                .willReturn(okJson(intent("pi_after_500", "requires_capture", ""))));

        Object answer = gateway.authorize(request(), "key-500");

        assertThat(answer).isInstanceOf(Authorized.class);
        stripe.verify(2, postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("key-500")));
    }

    @Test
    void aRetryAfterATimeoutReusesItsKey() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(okJson(intent("pi_slow", "requires_capture", "")).withFixedDelay(2_000))
                .willSetStateTo("fast"));
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(okJson(intent("pi_slow", "requires_capture", ""))));

        Object answer = gateway.authorize(request(), "key-timeout");

        assertThat(answer).isEqualTo(new Authorized("pi_slow", Instant.ofEpochSecond(CAPTURE_BEFORE)));
        List<LoggedRequest> calls = stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
        assertThat(calls).hasSize(2);
        assertThat(calls).allSatisfy(call -> assertThat(call.getHeader("Idempotency-Key")).isEqualTo("key-timeout"));
    }

    @Test
    void aProviderThatKeepsFailingIsUnavailableAfterItsAttempts() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"unavailable\"}}")));

        assertThatThrownBy(() -> gateway.authorize(request(), "key-down"))
                .isInstanceOf(ProviderUnavailableException.class);
        stripe.verify(3, postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("key-down")));
    }

    @Test
    void captureCancelAndRefundEachCarryTheirKey() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents/pi_1/capture"))
                .willReturn(okJson(intent("pi_1", "succeeded", "").replace("\"amount_received\":0",
                        "\"amount_received\":2000"))));
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents/pi_2/cancel"))
                .willReturn(okJson(intent("pi_2", "canceled", ""))));
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(okJson("""
                {"id":"re_1","object":"refund","amount":500,"currency":"eur","payment_intent":"pi_1",
                 "status":"succeeded","metadata":{}}""")));

        assertThat(gateway.capture("pi_1", 2000, "key-capture")).isEqualTo(new Captured(2000));
        assertThat(gateway.cancel("pi_2", "key-cancel")).isEqualTo(new Canceled());
        UUID refundId = UUID.randomUUID();
        assertThat(gateway.refund("pi_1", refundId, 500, "key-refund"))
                .isEqualTo(new RefundOutcome("re_1", RefundStatus.SUCCEEDED, null));

        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_1/capture"))
                .withHeader("Idempotency-Key", equalTo("key-capture"))
                .withRequestBody(containing("amount_to_capture=2000")));
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_2/cancel"))
                .withHeader("Idempotency-Key", equalTo("key-cancel")));
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("key-refund"))
                .withRequestBody(containing("payment_intent=pi_1"))
                .withRequestBody(containing("amount=500"))
                .withRequestBody(containing(refundId.toString())));
        assertThat(stripe.findAll(anyRequestedFor(anyUrl())))
                .allSatisfy(call -> assertThat(call.getHeader("Idempotency-Key")).isNotBlank());
    }

    private static final String IN_PROGRESS = """
            {"error":{"type":"idempotency_error","message":"There is currently another in-progress request using \
            this Stripe API key and idempotency key. Please try again later."}}""";

    @Test
    void aConflictWhileAnotherCallWithTheKeyIsUnderWayIsAskedAgainNotTakenForARefusal() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents/pi_busy/capture")).inScenario("409")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody(IN_PROGRESS))
                .willSetStateTo("done"));
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents/pi_busy/capture")).inScenario("409")
                .whenScenarioStateIs("done")
                .willReturn(okJson(intent("pi_busy", "succeeded", "").replace("\"amount_received\":0",
                        "\"amount_received\":2599"))));

        assertThat(gateway.capture("pi_busy", 2599, "key-busy")).isEqualTo(new Captured(2599));
        stripe.verify(2, postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_busy/capture"))
                .withHeader("Idempotency-Key", equalTo("key-busy")));
    }

    @Test
    void aConflictThatLastsLeavesTheCaptureUnansweredForTheSweeper() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents/pi_stuck/capture")).willReturn(aResponse()
                .withStatus(409).withHeader("Content-Type", "application/json").withBody(IN_PROGRESS)));

        assertThatThrownBy(() -> gateway.capture("pi_stuck", 2599, "key-stuck"))
                .isInstanceOf(ProviderUnavailableException.class);
        stripe.verify(3, postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_stuck/capture")));
    }

    @Test
    void aCaptureOfAnExpiredAuthorisationIsRefusedAsGone() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents/pi_old/capture")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"type":"invalid_request_error","code":"payment_intent_unexpected_state",
                         "message":"This PaymentIntent could not be captured because it has a status of canceled.",
                         "payment_intent":%s}}""".formatted(intent("pi_old", "canceled", "")))));

        Object answer = gateway.capture("pi_old", 2599, "key-old");

        assertThat(answer).isInstanceOfSatisfying(CaptureRefused.class, refused -> {
            assertThat(refused.code()).isEqualTo("payment_intent_unexpected_state");
            assertThat(refused.authorizationGone()).isTrue();
        });
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_old/capture")));
    }
}
