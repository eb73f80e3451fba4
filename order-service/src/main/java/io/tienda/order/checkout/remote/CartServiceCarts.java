package io.tienda.order.checkout.remote;

import io.tienda.order.OrderProperties;
import io.tienda.order.checkout.domain.CartSnapshot;
import io.tienda.order.checkout.domain.Carts;
import io.tienda.order.checkout.domain.CheckoutProblems;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.http.ResilientCalls;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * cart-service's {@code POST /api/v1/cart/checkout}, called through discovery with the shopper's
 * own bearer token. Tried once (each snapshot is a checkout started, for the funnel), behind a
 * breaker; the cart's refusals come back as the cart's own problems, and only an unreachable or
 * failing cart-service counts against the breaker.
 *
 * <p>The answer: {@code {cartId, customerId, version, contentsId, currency, items: [{sku, quantity, availability,
 * productId, name: {es, en}, unitPrice, subtotal, discount, lineTotal, stale}], coupon: {code,
 * applied}, totals: {subtotal, offerDiscount, couponDiscount, discount, shipping, tax, taxIncluded,
 * country, total}, pricedAt}}, amounts as {@code {amount, currency}}.
 */
@Component
class CartServiceCarts implements Carts {

    private static final Logger log = LoggerFactory.getLogger(CartServiceCarts.class);
    private static final String DEPENDENCY = "cart-service";
    /** The cart's refusals a shopper can act on; passed on as they are. */
    private static final Set<String> CART_PROBLEMS = Set.of("cart-empty", "cart-prices-stale", "cart-lines-sold-out",
            "cart-lines-unavailable", "cart-busy");

    private final RestClient http;
    private final ResilientCalls calls;

    CartServiceCarts(@LoadBalanced RestClient.Builder services, ResilientCalls calls, OrderProperties properties) {
        this.http = services.baseUrl(properties.cartService()).build();
        this.calls = calls;
    }

    /** What cart-service said: a snapshot, or a refusal to pass on. */
    private record Answer(JsonNode snapshot, DomainException refusal) {
    }

    @Override
    public CartSnapshot checkout(String bearerToken) {
        Answer answer = calls.once(DEPENDENCY, () -> http.post().uri("/api/v1/cart/checkout")
                .headers(h -> h.setBearerAuth(bearerToken))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .exchange((request, response) -> answer(response.getStatusCode().value(), response.getBody())),
                e -> {
                    log.warn("cart-service could not snapshot a cart: {}", e.toString());
                    throw CheckoutProblems.unavailable(DEPENDENCY);
                });
        if (answer.refusal() != null) {
            throw answer.refusal();
        }
        return snapshot(answer.snapshot());
    }

    private static Answer answer(int status, InputStream body) throws IOException {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (status >= 500) {
            // Counts against the breaker; the fallback answers 503.
            throw new IllegalStateException("cart-service answered " + status);
        }
        JsonNode json = text.isBlank() ? null : parse(text);
        if (status == 200 && json != null) {
            return new Answer(json, null);
        }
        if (status == 401) {
            return new Answer(null, new DomainException(ProblemType.UNAUTHORIZED, "A valid bearer token is required"));
        }
        String type = json == null || !json.has("type") ? "" : json.get("type").asString();
        String slug = type.startsWith(ProblemType.BASE) ? type.substring(ProblemType.BASE.length()) : "";
        if (CART_PROBLEMS.contains(slug)) {
            Map<String, Object> properties = new HashMap<>();
            if (json.has("skus") && json.get("skus").isArray()) {
                properties.put("skus", json.get("skus").valueStream().map(JsonNode::asString).toList());
            }
            return new Answer(null, new DomainException(status, URI.create(type), text(json, "title", slug),
                    text(json, "detail", slug), properties));
        }
        log.warn("cart-service answered {} {} to a checkout", status, type);
        return new Answer(null, CheckoutProblems.cartUnreadable("cart-service answered " + status));
    }

    private static JsonNode parse(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static CartSnapshot snapshot(JsonNode cart) {
        try {
            String currency = cart.get("currency").asString();
            JsonNode totals = cart.get("totals");
            List<CartSnapshot.Line> lines = new ArrayList<>();
            for (JsonNode item : iterable(cart.get("items"))) {
                String sku = item.get("sku").asString();
                boolean available = "in_stock".equals(text(item, "availability", ""))
                        && item.hasNonNull("unitPrice") && item.hasNonNull("lineTotal");
                lines.add(new CartSnapshot.Line(sku, text(item, "productId", sku), name(item.get("name"), sku),
                        item.get("quantity").asInt(), amount(item, "unitPrice", currency),
                        amount(item, "discount", currency), amount(item, "lineTotal", currency), available,
                        item.path("stale").asBoolean(false)));
            }
            JsonNode coupon = cart.get("coupon");
            boolean couponApplied = coupon != null && coupon.isObject() && coupon.path("applied").asBoolean(false);
            long subtotal = amount(totals, "subtotal", currency);
            long offerDiscount = amount(totals, "offerDiscount", currency);
            return new CartSnapshot(text(cart, "cartId", null), contentsId(cart), currency, lines,
                    couponApplied ? coupon.get("code").asString() : null, subtotal - offerDiscount, subtotal,
                    amount(totals, "discount", currency), amount(totals, "shipping", currency),
                    amount(totals, "tax", currency), totals.path("taxIncluded").asBoolean(false),
                    amount(totals, "total", currency), text(totals, "country", null),
                    cart.hasNonNull("pricedAt") ? Instant.parse(cart.get("pricedAt").asString()) : null);
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("cart-service's checkout snapshot cannot be read: {}", e.toString());
            throw CheckoutProblems.cartUnreadable("unexpected shape");
        }
    }

    /** The snapshot's contents id; one that is not a UUID is read as none, as from an older cart-service. */
    private static UUID contentsId(JsonNode cart) {
        String text = text(cart, "contentsId", null);
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            log.warn("cart-service's checkout snapshot has an unreadable contentsId");
            return null;
        }
    }

    /** A money field in the cart's currency; absent means zero. */
    private static long amount(JsonNode node, String field, String currency) {
        JsonNode money = node == null ? null : node.get(field);
        if (money == null || money.isNull()) {
            return 0;
        }
        if (!currency.equals(money.path("currency").asString(currency))) {
            throw CheckoutProblems.cartUnreadable(field + " is not in " + currency);
        }
        return money.get("amount").asLong();
    }

    /** The product name at checkout: Spanish first, the shop's language, then English. */
    private static String name(JsonNode name, String fallback) {
        if (name == null || name.isNull()) {
            return fallback;
        }
        if (name.isString()) {
            return name.asString();
        }
        String es = text(name, "es", null);
        return es != null ? es : text(name, "en", fallback);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? fallback : value.asString();
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array == null || !array.isArray() ? List.of() : array.valueStream().toList();
    }
}
