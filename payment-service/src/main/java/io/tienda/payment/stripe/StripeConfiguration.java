package io.tienda.payment.stripe;

import io.tienda.payment.PaymentProperties;
import io.tienda.payment.payments.domain.PaymentGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe is the gateway when {@code tienda.payments.provider=stripe}; it needs {@code STRIPE_SECRET_KEY}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tienda.payments.provider", havingValue = "stripe")
class StripeConfiguration {

    @Bean
    PaymentGateway stripeGateway(PaymentProperties properties) {
        PaymentProperties.Stripe stripe = properties.stripe();
        if (stripe.secretKey() == null || stripe.secretKey().isBlank()) {
            throw new IllegalStateException("tienda.payments.provider=stripe needs STRIPE_SECRET_KEY "
                    + "(tienda.payments.stripe.secret-key) in the environment");
        }
        if (stripe.webhookSecretGenerated()) {
            org.slf4j.LoggerFactory.getLogger(StripeConfiguration.class)
                    .warn("STRIPE_WEBHOOK_SECRET is not set: Stripe's webhooks will be refused");
        }
        return new StripeGateway(stripe.apiBase(), stripe.secretKey(), properties.providerTimeout(),
                properties.providerAttempts(), PaymentProperties.PROVIDER_BACKOFF, stripe.returnUrl());
    }
}
