package io.tienda.e2e;

import io.tienda.e2e.Accounts.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shopper's cart across services, through the gateway: an anonymous visitor searches the demo
 * shop, puts two products in a guest cart, signs in and finds them in their own cart, priced by
 * product-service with a live offer and a coupon, taxed and shipped to their address. A second
 * shopper who gets hold of the guest token cannot take the cart.
 */
@ExtendWith(Fleet.class)
class CartJourneyIT {

    private static final String PASSWORD = "Journey!2345-cart";

    @Test
    void aGuestCartFollowsTheShopperIntoTheirAccountPricedWithOfferCouponTaxAndShipping() {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        List<Variant> picked = twoInStockVariants();
        Variant first = picked.get(0);
        Variant second = picked.get(1);

        // staff put 10 % off the first product and a 5 % coupon on everything
        String manager = Accounts.session(Account.MANAGER).accessToken();
        String coupon = "E2E-" + tag;
        expect(post("/api/v1/offers", """
                {"name":"E2E journey %s","kind":"PERCENT","percentOff":10,"appliesTo":"PRODUCTS","targetIds":["%s"]}
                """.formatted(tag, first.productId())).bearer(manager).send(), 201);
        expect(post("/api/v1/offers", """
                {"name":"E2E coupon %s","kind":"PERCENT","percentOff":5,"appliesTo":"ALL",
                 "coupon":{"code":"%s","usageLimit":10}}
                """.formatted(tag, coupon)).bearer(manager).send(), 201);

        // an anonymous visitor fills a guest cart: the first write issues the cart token
        Api.Reply added = expect(post("/api/v1/cart/items", item(first.sku(), 2)).send(), 200);
        String cartToken = added.header("X-Cart-Token");
        assertThat(cartToken).as("guest cart token").isNotBlank();
        JsonNode guest = expect(post("/api/v1/cart/items", item(second.sku(), 1))
                .header("X-Cart-Token", cartToken).send(), 200).json();
        assertThat(guest.get("itemCount").asInt()).isEqualTo(3);
        assertThat(guest.get("owner").asString()).isEqualTo("guest");

        // they sign up, sign in, and present the guest token once: the cart becomes theirs
        String shopper = signUpAndIn("cart-" + tag.toLowerCase(Locale.ROOT) + "@example.com");
        JsonNode merged = expect(post("/api/v1/cart/merge", null).bearer(shopper)
                .header("X-Cart-Token", cartToken).send(), 200).json();
        assertThat(merged.get("owner").asString()).isEqualTo("user");
        assertThat(quantities(merged)).containsExactlyInAnyOrder(first.sku() + "=2", second.sku() + "=1");

        // the guest token now belongs to that shopper alone
        String other = signUpAndIn("other-" + tag.toLowerCase(Locale.ROOT) + "@example.com");
        Api.Reply stolen = post("/api/v1/cart/merge", null).bearer(other).header("X-Cart-Token", cartToken).send();
        assertThat(stolen.status()).as(stolen.body()).isEqualTo(403);
        assertThat(stolen.isProblem()).isTrue();
        JsonNode othersCart = expect(get("/api/v1/cart").bearer(other).send(), 200).json();
        assertThat(othersCart.get("itemCount").asInt()).as("the other shopper's cart").isZero();

        // coupon and destination; every read is priced by the catalog now
        expect(method("PUT", "/api/v1/cart/coupon", "{\"code\":\"" + coupon + "\"}").bearer(shopper).send(), 200);
        JsonNode cart = expect(method("PUT", "/api/v1/cart/shipping-address",
                "{\"country\":\"ES\",\"postcode\":\"28013\"}").bearer(shopper).send(), 200).json();

        assertThat(cart.get("stale").asBoolean()).isFalse();
        JsonNode firstLine = line(cart, first.sku());
        JsonNode secondLine = line(cart, second.sku());
        assertThat(firstLine.get("availability").asString()).isEqualTo("in_stock");
        long firstSubtotal = amount(firstLine, "subtotal");
        // at least the 10 %: a demo offer that takes more off would win, never stack
        assertThat(amount(firstLine, "offerDiscount")).as("the offer on the first product")
                .isGreaterThanOrEqualTo(firstSubtotal / 10);
        assertThat(cart.get("coupon").get("code").asString()).isEqualTo(coupon);
        assertThat(cart.get("coupon").get("applied").asBoolean()).as(cart.get("coupon").toString()).isTrue();

        JsonNode totals = cart.get("totals");
        long subtotal = amount(totals, "subtotal");
        long discount = amount(totals, "discount");
        long shipping = amount(totals, "shipping");
        long tax = amount(totals, "tax");
        assertThat(subtotal).isEqualTo(amount(firstLine, "subtotal") + amount(secondLine, "subtotal"));
        assertThat(amount(totals, "couponDiscount")).as("the coupon applies on top").isPositive();
        assertThat(discount).isEqualTo(amount(totals, "offerDiscount") + amount(totals, "couponDiscount"));
        assertThat(totals.get("country").asString()).isEqualTo("ES");
        assertThat(totals.get("taxRate").asInt()).isEqualTo(21);
        assertThat(tax).as("Spanish VAT included").isPositive();
        assertThat(amount(totals, "total")).isEqualTo(totals.get("taxIncluded").asBoolean()
                ? subtotal - discount + shipping
                : subtotal - discount + shipping + tax);
        assertThat(totals.get("total").get("currency").asString()).isEqualTo("EUR");

        // the same cart on another device of the same shopper
        JsonNode again = expect(get("/api/v1/cart").bearer(shopper).send(), 200).json();
        assertThat(again.get("totals").get("total")).isEqualTo(totals.get("total"));

        // checkout snapshot: what order-service will take
        JsonNode snapshot = expect(post("/api/v1/cart/checkout", null).bearer(shopper).send(), 200).json();
        assertThat(snapshot.get("itemCount").asInt()).isEqualTo(3);
        assertThat(snapshot.get("totals").get("total")).isEqualTo(totals.get("total"));
    }

    @Test
    void badCartInputIsAProblemAndChangesNothing() {
        String shopper = signUpAndIn("cart-bad-" + UUID.randomUUID() + "@example.com");
        Variant variant = twoInStockVariants().get(0);
        expect(post("/api/v1/cart/items", item(variant.sku(), 1)).bearer(shopper).send(), 200);

        for (String body : List.of(item(variant.sku(), 0), item(variant.sku(), 100), item(variant.sku(), -1),
                "{\"sku\":\"" + variant.sku() + "\",\"quantity\":\"x\"}", item("NO-SUCH-SKU-" + UUID.randomUUID(), 1),
                "{\"sku\":", "x".repeat(40_000))) {
            Api.Reply refused = post("/api/v1/cart/items", body).bearer(shopper).send();
            assertThat(refused.status()).as(body.length() > 80 ? "a huge body" : body).isBetween(400, 499);
            assertThat(refused.isProblem()).as(refused.body()).isTrue();
        }
        Api.Reply badToken = get("/api/v1/cart").header("X-Cart-Token", "not a token").send();
        assertThat(badToken.status()).isEqualTo(400);

        JsonNode cart = expect(get("/api/v1/cart").bearer(shopper).send(), 200).json();
        assertThat(quantities(cart)).containsExactly(variant.sku() + "=1");
    }

    record Variant(String productId, String sku) {
    }

    /** Two SKUs of different demo products that have stock, found the way a shopper finds them. */
    private static List<Variant> twoInStockVariants() {
        JsonNode hits = expect(get("/api/v1/products?inStock=true&size=40").send(), 200).json().get("items");
        List<Variant> variants = new ArrayList<>();
        for (JsonNode hit : hits) {
            JsonNode product = expect(get("/api/v1/products/" + hit.get("id").asString()).send(), 200).json();
            for (JsonNode variant : product.get("variants")) {
                if (variant.get("inStock").asBoolean() && variant.get("available").asInt() >= 5) {
                    variants.add(new Variant(product.get("id").asString(), variant.get("sku").asString()));
                    break;
                }
            }
            if (variants.size() == 2) {
                return variants;
            }
        }
        throw new IllegalStateException("the demo shop has fewer than two products in stock");
    }

    private static String signUpAndIn(String email) {
        expect(post("/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Shopper\"}").send(), 201);
        return Accounts.login(email, PASSWORD).accessToken();
    }

    private static List<String> quantities(JsonNode cart) {
        List<String> lines = new ArrayList<>();
        cart.get("items").forEach(item -> lines.add(item.get("sku").asString() + "=" + item.get("quantity").asInt()));
        return lines;
    }

    private static JsonNode line(JsonNode cart, String sku) {
        for (JsonNode item : cart.get("items")) {
            if (item.get("sku").asString().equals(sku)) {
                return item;
            }
        }
        throw new AssertionError(sku + " is not in the cart: " + cart);
    }

    private static long amount(JsonNode node, String field) {
        return node.get(field).get("amount").asLong();
    }

    private static String item(String sku, int quantity) {
        return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
    }

    private static Api.Reply expect(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply;
    }

    private static Api.Call get(String path) {
        return Api.gateway().get(path).header("X-Forwarded-For", Accounts.randomClientAddress());
    }

    private static Api.Call post(String path, String body) {
        return method("POST", path, body);
    }

    private static Api.Call method(String method, String path, String body) {
        return Api.gateway().method(method, path, body).header("X-Forwarded-For", Accounts.randomClientAddress());
    }
}
