package io.tienda.payment.payments.domain;

/**
 * What the provider asks the shopper to do before it authorises, e.g. a 3-D Secure challenge.
 *
 * @param type         the provider's kind, e.g. {@code redirect_to_url} or {@code use_stripe_sdk}
 * @param url          where the shopper's browser goes, when the kind is a redirect
 * @param clientSecret what Stripe.js needs to handle the action in the browser; never logged
 */
public record NextAction(String type, String url, String clientSecret) {

    @Override
    public String toString() {
        return "NextAction[type=" + type + ", url=" + url + "]";
    }
}
