package io.tienda.cart.cart.domain;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;

import java.util.List;
import java.util.Map;

/** The refusals a cart answers with, each a stable problem type a client can branch on. */
public final class CartProblems {

    private CartProblems() {
    }

    /** A field is wrong in a way bean validation cannot see; the same shape as a validation problem. */
    public static DomainException invalidField(String field, String message) {
        return new DomainException(ProblemType.VALIDATION.status(), ProblemType.VALIDATION.uri(),
                ProblemType.VALIDATION.title(), "Invalid fields: " + field,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    public static DomainException quantityLimit(String sku, int max) {
        return DomainException.custom(422, "cart-quantity-limit", "Too many units of one item",
                "A line holds at most " + max + " units; " + sku + " would exceed it");
    }

    public static DomainException lineLimit(int max) {
        return DomainException.custom(422, "cart-line-limit", "Too many different items",
                "A cart holds at most " + max + " different items");
    }

    public static DomainException lineNotInCart(String sku) {
        return DomainException.notFound("Cart line", sku);
    }

    public static DomainException unknownSku(String sku, String reason) {
        return new DomainException(422, java.net.URI.create(ProblemType.BASE + "unknown-sku"),
                "The item is not for sale", "SKU " + sku + " is not sold (" + reason + ")",
                Map.of("sku", sku, "reason", reason));
    }

    public static DomainException malformedCartToken() {
        return DomainException.custom(400, "invalid-cart-token", "The cart token is malformed",
                "X-Cart-Token must be the token this service issued; drop it to start a new cart");
    }

    public static DomainException unknownCartToken() {
        return DomainException.custom(404, "unknown-cart-token", "No cart has this token",
                "The guest cart does not exist or has expired; drop the X-Cart-Token to start a new cart");
    }

    public static DomainException cartMerged() {
        return DomainException.custom(409, "cart-merged", "The guest cart was merged into an account",
                "This guest cart now belongs to a signed-in shopper; sign in and drop the X-Cart-Token");
    }

    public static DomainException cartTokenRefused() {
        return DomainException.custom(403, "cart-token-refused", "The cart token belongs to someone else",
                "This guest cart was merged into another account");
    }

    public static DomainException busy() {
        return DomainException.custom(409, "cart-busy", "The cart is being changed elsewhere",
                "The cart changed too often while this request was being applied; try again");
    }

    public static DomainException catalogUnavailable() {
        return new DomainException(ProblemType.SERVICE_UNAVAILABLE,
                "Prices cannot be checked right now; try again in a moment");
    }

    public static DomainException couponRejected(String code, String reason) {
        return new DomainException(422, java.net.URI.create(ProblemType.BASE + "coupon-rejected"),
                "The coupon cannot be used", "Coupon " + code + " is " + reason,
                Map.of("code", code, "reason", reason));
    }

    public static DomainException countryNotServed(String country) {
        return new DomainException(422, java.net.URI.create(ProblemType.BASE + "country-not-served"),
                "The shop does not ship there", "The shop does not ship to " + country,
                Map.of("errors", List.of(Map.of("field", "country", "message", "not a country the shop ships to"))));
    }

    public static DomainException emptyCart() {
        return DomainException.custom(422, "cart-empty", "The cart is empty", "There is nothing to check out");
    }

    public static DomainException stalePrices() {
        return DomainException.custom(409, "cart-prices-stale", "Prices cannot be confirmed",
                "The catalog cannot price the cart right now, so the prices shown may be out of date; try again");
    }

    public static DomainException linesNotSellable(String slug, String title, List<String> skus) {
        return new DomainException(409, java.net.URI.create(ProblemType.BASE + slug), title,
                "Remove or change these lines first: " + String.join(", ", skus), Map.of("skus", skus));
    }
}
