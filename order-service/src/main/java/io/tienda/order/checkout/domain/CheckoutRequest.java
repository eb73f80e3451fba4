package io.tienda.order.checkout.domain;

import io.tienda.order.orders.domain.ShippingAddress;
import io.tienda.platform.core.IdempotencyKeys;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the shopper asks for at checkout: where to ship (an address, or one from their address book)
 * and how to pay (a payment method token — never card data).
 */
public record CheckoutRequest(ShippingAddress address, UUID addressId, String paymentMethod) {

    /** Stripe's payment method ids and test tokens: {@code pm_1Nx...}, {@code pm_card_visa}. */
    private static final Pattern PAYMENT_METHOD = Pattern.compile("pm_[A-Za-z0-9_]{1,120}");

    public CheckoutRequest {
        if ((address == null) == (addressId == null)) {
            throw CheckoutProblems.invalidField("shippingAddress",
                    "give either shippingAddress or addressId (from your address book), not both");
        }
        if (paymentMethod == null || !PAYMENT_METHOD.matcher(paymentMethod).matches()) {
            throw CheckoutProblems.invalidField("paymentMethod",
                    "must be a payment method token such as pm_card_visa; card numbers are never accepted");
        }
    }

    /** What identifies this request, so that its Idempotency-Key cannot place a different order. */
    public String fingerprint() {
        String canonical = addressId != null ? "address-id:" + addressId
                : String.join("\u001f", "address", address.name(), address.line1(), nullable(address.line2()),
                        address.city(), address.postcode(), address.country());
        return IdempotencyKeys.fingerprint(canonical + "\u001e" + paymentMethod);
    }

    /**
     * The payment provider's idempotency key: derived from the customer and their Idempotency-Key, so
     * that one checkout, however often retried, authorises at most one payment.
     */
    public static String paymentKey(String customerId, String idempotencyKey) {
        return "chk_" + IdempotencyKeys.fingerprint(customerId + "\n" + idempotencyKey).substring(0, 48);
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }
}
