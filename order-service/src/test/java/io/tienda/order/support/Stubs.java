package io.tienda.order.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tienda.platform.testing.http.TestApi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * cart-service and user-service as order-service calls them, stubbed per shopper
 * (by their bearer token), answering what the real services answer.
 */
public final class Stubs {

    public static final String CHECKOUT = "/api/v1/cart/checkout";
    static final String ADDRESSES = "/api/v1/users/me/addresses";
    /** Shipping the carts are priced with, in cents. */
    public static final long SHIPPING = 499;

    private final WireMockServer server;
    /** The goods and coupon last stubbed for each shopper's token, to put back as new contents. */
    private final Map<String, Goods> lastCart = new ConcurrentHashMap<>();

    private record Goods(String coupon, Line[] lines) {
    }

    Stubs(WireMockServer server) {
        this.server = server;
    }

    /** A cart line: SKU, units, unit price and discount on the line (cents). */
    public record Line(String sku, int quantity, long unitPrice, long discount) {

        public Line(String sku, int quantity, long unitPrice) {
            this(sku, quantity, unitPrice, 0);
        }

        long lineTotal() {
            return unitPrice * quantity - discount;
        }
    }

    /**
     * The shopper's cart priced for checkout (prices include 21% VAT, shipped to ES). Each stubbing is new
     * contents (a new contentsId), as after the shopper changed the cart or an order emptied it; the same
     * stub answers the same contents to every checkout, as the same cart does.
     */
    public void cart(String token, Line... lines) {
        cart(token, (String) null, lines);
    }

    /** The same with a coupon applied: its discount is the lines' discounts. */
    public void cart(String token, String coupon, Line... lines) {
        cart(token, UUID.randomUUID(), coupon, lines);
    }

    /** The cart holding the contents {@code contentsId} (null: a cart-service that does not name them). */
    public void cart(String token, UUID contentsId, String coupon, Line... lines) {
        lastCart.put(token, new Goods(coupon, lines.clone()));
        server.stubFor(post(urlEqualTo(CHECKOUT)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(TestApi.JSON.writeValueAsString(cartJson(contentsId, coupon, lines)))));
    }

    /**
     * The shopper puts the goods last stubbed back in the cart: the same goods as new contents, as after
     * cart-service emptied the cart of what an order bought.
     */
    public void refill(String token) {
        Goods goods = lastCart.get(token);
        cart(token, UUID.randomUUID(), goods.coupon(), goods.lines());
    }

    /** Total a cart of these lines costs: goods plus shipping. */
    public static long total(Line... lines) {
        long goods = 0;
        for (Line line : lines) {
            goods += line.lineTotal();
        }
        return goods + shipping(goods);
    }

    /** As cart-service prices it: goods that cost nothing (a coupon took them to 0) ship for nothing. */
    private static long shipping(long goods) {
        return goods > 0 ? SHIPPING : 0;
    }

    private static Map<String, Object> cartJson(UUID contentsId, String coupon, Line... lines) {
        List<Map<String, Object>> items = new ArrayList<>();
        long subtotal = 0;
        long discount = 0;
        for (Line line : lines) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sku", line.sku());
            item.put("quantity", line.quantity());
            item.put("availability", "in_stock");
            item.put("productId", "p-" + line.sku());
            item.put("name", Map.of("es", "Producto " + line.sku(), "en", "Product " + line.sku()));
            item.put("unitPrice", money(line.unitPrice()));
            item.put("subtotal", money(line.unitPrice() * line.quantity()));
            item.put("couponDiscount", money(line.discount()));
            item.put("discount", money(line.discount()));
            item.put("lineTotal", money(line.lineTotal()));
            item.put("stale", false);
            items.add(item);
            subtotal += line.unitPrice() * line.quantity();
            discount += line.discount();
        }
        long goods = subtotal - discount;
        long taxable = goods + shipping(goods);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("subtotal", money(subtotal));
        totals.put("offerDiscount", money(0));
        totals.put("couponDiscount", money(discount));
        totals.put("discount", money(discount));
        totals.put("shipping", money(shipping(goods)));
        totals.put("tax", money(taxable - Math.round(taxable / 1.21)));
        totals.put("taxRate", 0.21);
        totals.put("taxIncluded", true);
        totals.put("country", "ES");
        totals.put("total", money(taxable));
        Map<String, Object> cart = new LinkedHashMap<>();
        cart.put("cartId", "u:shopper");
        cart.put("customerId", "shopper");
        cart.put("version", 3);
        if (contentsId != null) {
            cart.put("contentsId", contentsId.toString());
        }
        cart.put("currency", "EUR");
        cart.put("items", items);
        cart.put("itemCount", items.size());
        cart.put("coupon", coupon == null ? null : Map.of("code", coupon, "applied", true, "discount", money(discount)));
        cart.put("shippingAddress", Map.of("country", "ES", "postcode", "28013"));
        cart.put("totals", totals);
        cart.put("pricedAt", "2026-11-01T10:00:00Z");
        return cart;
    }

    /** cart-service refuses the checkout with its problem, e.g. 422 cart-empty. */
    public void cartRefuses(String token, int status, String type, List<String> skus) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://tienda.io/problems/" + type);
        problem.put("title", "Refused: " + type);
        problem.put("status", status);
        problem.put("detail", "cart-service says " + type);
        if (!skus.isEmpty()) {
            problem.put("skus", skus);
        }
        server.stubFor(post(urlEqualTo(CHECKOUT)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                        .withBody(TestApi.JSON.writeValueAsString(problem))));
    }

    public void cartFails(String token) {
        server.stubFor(post(urlEqualTo(CHECKOUT)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(503)));
    }

    public int checkouts(String token) {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo(CHECKOUT))
                .withHeader("Authorization", equalTo("Bearer " + token)).build()).getCount();
    }

    /** A user-service that answers the shopper's address book only after {@code delay}. */
    public void addressesSlow(String token, Duration delay) {
        server.stubFor(get(urlEqualTo(ADDRESSES)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[]").withFixedDelay((int) delay.toMillis())));
    }

    public int addressReads(String token) {
        return server.countRequestsMatching(getRequestedFor(urlEqualTo(ADDRESSES))
                .withHeader("Authorization", equalTo("Bearer " + token)).build()).getCount();
    }

    /** The shopper's address book at user-service. */
    public void addresses(String token, List<Map<String, Object>> addresses) {
        server.stubFor(get(urlEqualTo(ADDRESSES))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(TestApi.JSON.writeValueAsString(addresses))));
    }

    private static Map<String, Object> money(long amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }
}
