package io.tienda.payment.stripe;

import io.tienda.payment.PaymentProperties;
import io.tienda.payment.payments.domain.PaymentGateway;
import io.tienda.payment.payments.domain.PaymentProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe is the gateway only when asked for, and never without its secret key. */
class StripeConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PaymentProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, StripeConfiguration.class);

    @Test
    void stripeNeedsItsSecretKey() {
        context.withPropertyValues("tienda.payments.provider=stripe")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("STRIPE_SECRET_KEY"));
    }

    @Test
    void stripeIsTheGatewayWhenChosen() {
        context.withPropertyValues("tienda.payments.provider=stripe", "tienda.payments.stripe.secret-key=sk_test_1",
                        "tienda.payments.stripe.api-base=http://localhost:12111")
                .run(started -> assertThat(started.getBean(PaymentGateway.class).provider())
                        .isEqualTo(PaymentProvider.STRIPE));
    }

    @Test
    void theSimulatedProviderIsTheDefault() {
        context.run(started -> assertThat(started).doesNotHaveBean(PaymentGateway.class));
    }

    /** Compose passes an unset STRIPE_WEBHOOK_SECRET as empty: that is as unset as no variable at all. */
    @Test
    void aWebhookSecretLeftUnsetOrEmptyIsKnownToBeMadeAtStart() {
        for (String configured : new String[] {null, "", "  "}) {
            var stripe = new PaymentProperties.Stripe("https://api.stripe.com", "sk_test_1", configured, null,
                    java.time.Duration.ofMinutes(5));
            assertThat(stripe.webhookSecretGenerated()).as("webhook secret %s", configured).isTrue();
            assertThat(stripe.webhookSecret()).startsWith("whsec_local_").hasSizeGreaterThan(40);
        }
        assertThat(new PaymentProperties.Stripe("https://api.stripe.com", "sk_test_1", "whsec_abc123", null,
                java.time.Duration.ofMinutes(5)).webhookSecretGenerated()).isFalse();
    }

    @Test
    void secretsStayOutOfToString() {
        context.withPropertyValues("tienda.payments.stripe.secret-key=sk_test_secret",
                        "tienda.payments.stripe.webhook-secret=whsec_secret")
                .run(started -> assertThat(started.getBean(PaymentProperties.class).toString())
                        .doesNotContain("sk_test_secret").doesNotContain("whsec_secret"));
    }
}
