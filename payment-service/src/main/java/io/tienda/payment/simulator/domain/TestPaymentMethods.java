package io.tienda.payment.simulator.domain;

/**
 * Stripe's test payment methods and what the simulated provider does with each, so that the local
 * fleet behaves as Stripe's test mode does. Two extras: {@code pm_card_timeout} never answers in
 * time, for resilience tests; {@code pm_card_captureFail} is authorised, but its authorisation has
 * lapsed by the time it is captured, as an expired hold does at Stripe, for a checkout that fails after
 * its confirmation.
 */
public final class TestPaymentMethods {

    private TestPaymentMethods() {
    }

    /** What confirming a payment with a method does. */
    public sealed interface Behaviour {
    }

    public record Succeeds() implements Behaviour {
    }

    public record Declines(String declineCode, String message) implements Behaviour {
    }

    public record RequiresAuthentication() implements Behaviour {
    }

    public record TimesOut() implements Behaviour {
    }

    public record Unknown() implements Behaviour {
    }

    /**
     * Whether refunds of a payment made with this method succeed and then fail some time later, as
     * Stripe's {@code pm_card_refundFail} does (the refund starts {@code succeeded}, then moves to
     * {@code failed} and the charge's refunded total goes down).
     */
    public static boolean refundsFailLater(String paymentMethod) {
        return "pm_card_refundFail".equals(paymentMethod);
    }

    /**
     * Whether a payment made with this method is authorised but cannot be captured: at the capture its
     * authorisation has lapsed, so Stripe has canceled the intent ({@code cancellation_reason automatic})
     * and refuses the capture with {@code payment_intent_unexpected_state}.
     */
    public static boolean authorizationLapsesBeforeCapture(String paymentMethod) {
        return "pm_card_captureFail".equals(paymentMethod);
    }

    public static Behaviour of(String paymentMethod) {
        if (paymentMethod == null) {
            return new Unknown();
        }
        return switch (paymentMethod) {
            case "pm_card_visa", "pm_card_mastercard", "pm_card_amex", "pm_card_visa_debit", "pm_card_es",
                    "pm_card_refundFail", "pm_card_captureFail" -> new Succeeds();
            case "pm_card_chargeDeclined", "pm_card_visa_chargeDeclined" ->
                    new Declines("generic_decline", "Your card was declined.");
            case "pm_card_chargeDeclinedInsufficientFunds", "pm_card_visa_chargeDeclinedInsufficientFunds" ->
                    new Declines("insufficient_funds", "Your card has insufficient funds.");
            case "pm_card_chargeDeclinedLostCard", "pm_card_visa_chargeDeclinedLostCard" ->
                    new Declines("lost_card", "Your card was declined.");
            case "pm_card_chargeDeclinedExpiredCard", "pm_card_visa_chargeDeclinedExpiredCard" ->
                    new Declines("expired_card", "Your card has expired.");
            case "pm_card_authenticationRequired", "pm_card_threeDSecure2Required",
                    "pm_card_authenticationRequiredOnSetup" -> new RequiresAuthentication();
            case "pm_card_timeout" -> new TimesOut();
            default -> new Unknown();
        };
    }
}
