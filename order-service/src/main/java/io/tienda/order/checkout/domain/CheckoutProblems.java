package io.tienda.order.checkout.domain;

import io.tienda.order.orders.domain.Order;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;

import java.util.List;
import java.util.Map;

/** The refusals of a checkout, each a stable problem type a client can branch on. */
public final class CheckoutProblems {

    private CheckoutProblems() {
    }

    public static DomainException invalidField(String field, String message) {
        return new DomainException(ProblemType.VALIDATION.status(), ProblemType.VALIDATION.uri(),
                ProblemType.VALIDATION.title(), "Invalid fields: " + field,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    public static DomainException unknownAddress() {
        return new DomainException(ProblemType.UNPROCESSABLE.status(), ProblemType.UNPROCESSABLE.uri(),
                ProblemType.UNPROCESSABLE.title(), "Your address book has no address with this id",
                Map.of("errors", List.of(Map.of("field", "addressId", "message", "not in your address book"))));
    }

    public static DomainException countryMismatch(String priced, String shipping) {
        return new DomainException(422, java.net.URI.create(ProblemType.BASE + "shipping-country-mismatch"),
                "The cart was priced for another country",
                "The cart's tax and shipping were priced for " + priced + ", the order ships to " + shipping
                        + "; set the cart's shipping address to " + shipping + " first",
                Map.of("pricedFor", priced, "shipsTo", shipping));
    }

    public static DomainException cartEmpty() {
        return DomainException.custom(422, "cart-empty", "The cart is empty", "There is nothing to check out");
    }

    public static DomainException cartStale() {
        return DomainException.custom(409, "cart-prices-stale", "Prices cannot be confirmed",
                "The catalog cannot price the cart right now, so the prices shown may be out of date; try again");
    }

    public static DomainException linesNotAvailable(List<String> skus) {
        return new DomainException(409, java.net.URI.create(ProblemType.BASE + "cart-lines-sold-out"),
                "Some items are sold out", "Remove or change these lines first: " + String.join(", ", skus),
                Map.of("skus", skus));
    }

    /**
     * The same cart, with the same goods, is already being checked out as {@code pending}: a second order
     * would reserve the stock and authorise the payment again. The client follows that order (its
     * {@code statusUrl}, e.g. to finish 3-D Secure) or cancels it before checking out again.
     */
    public static DomainException checkoutInProgress(Order pending) {
        String statusUrl = "/api/v1/orders/" + pending.id();
        return new DomainException(409, java.net.URI.create(ProblemType.BASE + "checkout-in-progress"),
                "This cart is already being checked out",
                "Order " + pending.number() + " was placed from this cart and is still waiting for its stock or "
                        + "payment; follow it at " + statusUrl + ", or cancel it before checking out again",
                Map.of("orderId", pending.id().toString(), "orderNumber", pending.number(), "statusUrl", statusUrl));
    }

    /**
     * The cart, as it is now, was already ordered as {@code ordered}, which went through: cart-service takes
     * what it bought out of the cart a moment after the order is confirmed, and a checkout in that moment
     * (a second click with a new key) would buy the same goods twice. Putting goods in the cart again after
     * that makes a new purchase.
     */
    public static DomainException cartAlreadyOrdered(Order ordered) {
        String statusUrl = "/api/v1/orders/" + ordered.id();
        return new DomainException(409, java.net.URI.create(ProblemType.BASE + "cart-already-ordered"),
                "This cart has already been ordered",
                "Order " + ordered.number() + " was placed from this cart as it is now and is "
                        + ordered.status().name().toLowerCase(java.util.Locale.ROOT) + "; the cart is emptied of what "
                        + "it bought in a moment. To buy the same again, add it to the cart after that",
                Map.of("orderId", ordered.id().toString(), "orderNumber", ordered.number(), "statusUrl", statusUrl));
    }

    /** cart-service answered something that does not add up or cannot be read. */
    public static DomainException cartUnreadable(String detail) {
        return new DomainException(ProblemType.BAD_GATEWAY, "The cart could not be read: " + detail);
    }

    public static DomainException unavailable(String service) {
        return new DomainException(ProblemType.SERVICE_UNAVAILABLE,
                service + " cannot be reached right now; nothing was ordered, try again in a moment");
    }
}
