package io.tienda.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * What operations may tune in payment-service ({@code tienda.payments.*}). Secrets come only from
 * the environment ({@code STRIPE_SECRET_KEY}, {@code STRIPE_WEBHOOK_SECRET}).
 *
 * @param provider         {@code simulated} (the local fleet's default) or {@code stripe}
 * @param providerTimeout  how long one call to the provider may take before it counts as unanswered
 * @param providerAttempts calls per operation (the first and its retries, same idempotency key)
 * @param defaultHold      how long an authorisation holds when the provider does not say (Stripe: 7 days)
 */
@Validated
@ConfigurationProperties("tienda.payments")
public record PaymentProperties(
        @DefaultValue("simulated") @Pattern(regexp = "simulated|stripe") String provider,
        @DefaultValue("10s") Duration providerTimeout,
        @DefaultValue("3") @Min(1) @Max(10) int providerAttempts,
        @DefaultValue("7d") Duration defaultHold,
        @DefaultValue @Valid Commands commands,
        @DefaultValue @Valid Sweeper sweeper,
        @DefaultValue @Valid Stripe stripe,
        @DefaultValue @Valid Simulated simulated) {

    /** How long the gateways wait before the n-th retry of a call: n times this. */
    public static final Duration PROVIDER_BACKOFF = Duration.ofMillis(200);

    /** The most a gateway waits to connect, whatever {@code providerTimeout} says. */
    public static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The longest one provider operation can take from its first request to its last answer: every
     * attempt waiting out its connect and read timeouts, plus the waits between attempts.
     */
    public Duration longestProviderCall() {
        Duration connect = providerTimeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? providerTimeout : MAX_CONNECT_TIMEOUT;
        long waits = (long) providerAttempts * (providerAttempts - 1) / 2;
        return providerTimeout.plus(connect).multipliedBy(providerAttempts).plus(PROVIDER_BACKOFF.multipliedBy(waits));
    }

    /**
     * How long the sweeper leaves a capture, void or refund alone after it was last asked of the
     * provider: {@link #longestProviderCall()} and one more {@code providerTimeout} for the clocks of
     * replicas and the database to disagree. A call still under way must never meet a second one with
     * its key: Stripe answers that second call 409, which would read as a refusal.
     */
    public Duration providerCallWindow() {
        return longestProviderCall().plus(providerTimeout);
    }

    /** @param concurrency consumer threads on {@code payment.commands} */
    public record Commands(@DefaultValue("3") @Min(1) @Max(64) int concurrency) {
    }

    /**
     * @param interval how often authorisations are looked at
     * @param margin   how long before {@code capture_before} an authorisation is captured or voided
     * @param batch    authorisations handled per run
     */
    public record Sweeper(@DefaultValue("60s") Duration interval, @DefaultValue("1d") Duration margin,
            @DefaultValue("50") @Min(1) @Max(1000) int batch) {
    }

    /**
     * @param apiBase       Stripe's API, or stripe-mock / a test server
     * @param secretKey     {@code STRIPE_SECRET_KEY}; required when the provider is Stripe
     * @param webhookSecret {@code STRIPE_WEBHOOK_SECRET}; without one a random secret is made at start,
     *                      which only the simulated provider of this process knows
     * @param returnUrl     where Stripe sends the shopper back after a 3-D Secure redirect; none means
     *                      the client handles the action with Stripe.js
     * @param webhookTolerance how old a webhook's signature may be
     */
    public record Stripe(@DefaultValue("https://api.stripe.com") @NotBlank String apiBase, String secretKey,
            String webhookSecret, String returnUrl, @DefaultValue("300s") Duration webhookTolerance) {

        /** How a secret made at start begins; Stripe's own secrets never do. */
        static final String GENERATED_WEBHOOK_SECRET = "whsec_local_";

        public Stripe {
            if (webhookSecret == null || webhookSecret.isBlank()) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                webhookSecret = GENERATED_WEBHOOK_SECRET + HexFormat.of().formatHex(random);
            }
        }

        /**
         * No webhook secret was configured (unset or empty, as compose passes an unset variable), so the one
         * in use was made at start: Stripe's webhooks, signed with the real one, are all refused.
         */
        public boolean webhookSecretGenerated() {
            return webhookSecret.startsWith(GENERATED_WEBHOOK_SECRET);
        }

        /** Secrets stay out of logs and actuator output. */
        @Override
        public String toString() {
            return "Stripe[apiBase=" + apiBase + ", returnUrl=" + returnUrl + "]";
        }
    }

    /**
     * @param publicUrl  where shoppers reach this service (through the gateway): the 3-D Secure page's base
     * @param webhookUrl where the simulated provider sends its webhooks; empty means this process's own endpoint
     * @param webhooks   whether the simulated provider sends webhooks at all
     * @param refundFailureDelay how long after it succeeded a refund of {@code pm_card_refundFail} fails
     */
    public record Simulated(@DefaultValue("http://localhost:8080") String publicUrl, String webhookUrl,
            @DefaultValue("true") boolean webhooks, @DefaultValue("5s") Duration refundFailureDelay) {
    }
}
