package io.tienda.cart.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * product-service's {@code POST /api/v1/pricing} served by WireMock over real HTTP, answering from a
 * small catalog the tests set up: list prices, an automatic percentage offer per SKU, coupons in the
 * states product-service reports (valid with a minimum order, unknown, expired, exhausted), and stock.
 * One server per JVM; {@link #down(boolean)} makes it answer 503 as an unavailable service would.
 */
public final class FakeCatalog {

    public static final FakeCatalog INSTANCE = new FakeCatalog();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Product> products = new ConcurrentHashMap<>();
    private final Map<String, Coupon> coupons = new ConcurrentHashMap<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger delayMillis = new AtomicInteger();
    private final WireMockServer server;

    private FakeCatalog() {
        server = new WireMockServer(options().dynamicPort().containerThreads(64).extensions(new Pricing()));
        server.start();
        server.stubFor(post(urlEqualTo("/api/v1/pricing")).willReturn(aResponse().withStatus(200)));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "fake-catalog-stop"));
    }

    public String uri() {
        return "http://localhost:" + server.port();
    }

    /** A SKU no other test uses. */
    public static String newSku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    public void sell(String sku, long price) {
        products.put(sku, new Product(price, 0, true, true));
    }

    public void sell(String sku, long price, int offerPercent, boolean inStock) {
        products.put(sku, new Product(price, offerPercent, inStock, true));
    }

    public void deactivate(String sku) {
        products.computeIfPresent(sku, (k, p) -> new Product(p.price(), p.offerPercent(), p.inStock(), false));
    }

    public void soldOut(String sku) {
        products.computeIfPresent(sku, (k, p) -> new Product(p.price(), p.offerPercent(), false, p.active()));
    }

    public void reprice(String sku, long price) {
        products.computeIfPresent(sku, (k, p) -> new Product(price, p.offerPercent(), p.inStock(), p.active()));
    }

    /** @param state {@code valid}, {@code expired} or {@code exhausted} */
    public void coupon(String code, String state, int percent, long minimumOrder) {
        coupons.put(code, new Coupon(state, percent, minimumOrder));
    }

    public void down(boolean value) {
        down.set(value);
    }

    /** Answers every pricing request this late (0: at once), as a catalog that is slow but up does. */
    public void slow(Duration delay) {
        delayMillis.set((int) delay.toMillis());
    }

    public int pricingCalls() {
        return server.getAllServeEvents().size();
    }

    record Product(long price, int offerPercent, boolean inStock, boolean active) {
    }

    record Coupon(String state, int percent, long minimumOrder) {
    }

    private final class Pricing implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "fake-catalog-pricing";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            if (down.get()) {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(503)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":503}").build();
            }
            JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withFixedDelay(delayMillis.get())
                    .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(quote(request)))
                    .build();
        }
    }

    /** The shape of product-service's QuoteResponse, computed as product-service does for these offers. */
    private Map<String, Object> quote(JsonNode request) {
        List<Map<String, Object>> lines = new ArrayList<>();
        List<long[]> amounts = new ArrayList<>(); // subtotal, offer, left
        List<Integer> priced = new ArrayList<>();
        for (JsonNode item : request.get("items")) {
            String sku = item.get("sku").asString();
            int quantity = item.get("quantity").asInt();
            Product product = products.get(sku);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", sku);
            line.put("quantity", quantity);
            if (product == null || !product.active()) {
                line.put("available", false);
                line.put("reason", product == null ? "unknown" : "inactive");
                lines.add(line);
                continue;
            }
            long subtotal = product.price() * quantity;
            long offer = percent(subtotal, product.offerPercent());
            line.put("available", true);
            line.put("productId", "p-" + sku);
            line.put("name", Map.of("es", "Producto " + sku, "en", "Product " + sku));
            line.put("inStock", product.inStock());
            line.put("unitPrice", money(product.price()));
            line.put("subtotal", money(subtotal));
            if (offer > 0) {
                line.put("offer", Map.of("id", "o-" + sku, "name", product.offerPercent() + "% off",
                        "discount", money(offer)));
            }
            priced.add(lines.size());
            amounts.add(new long[] {subtotal, offer, subtotal - offer});
            lines.add(line);
        }
        long afterOffers = amounts.stream().mapToLong(a -> a[2]).sum();
        String code = request.hasNonNull("couponCode") ? request.get("couponCode").asString().toUpperCase(Locale.ROOT)
                : null;
        Map<String, Object> coupon = null;
        int couponPercent = 0;
        if (code != null) {
            coupon = new LinkedHashMap<>();
            coupon.put("code", code);
            Coupon known = coupons.get(code);
            String reason = known == null ? "unknown" : "valid".equals(known.state()) ? null : known.state();
            if (reason == null && afterOffers < known.minimumOrder()) {
                reason = "minimum-not-met";
            }
            if (reason == null && afterOffers == 0) {
                reason = "not-applicable";
            }
            coupon.put("applied", reason == null);
            if (reason != null) {
                coupon.put("reason", reason);
            } else {
                couponPercent = known.percent();
            }
            if (known != null) {
                coupon.put("minimumOrder", money(known.minimumOrder()));
            }
        }
        long subtotal = 0;
        long offers = 0;
        long coupons = 0;
        for (int k = 0; k < priced.size(); k++) {
            long[] a = amounts.get(k);
            long couponOff = percent(a[2], couponPercent);
            Map<String, Object> line = lines.get(priced.get(k));
            line.put("couponDiscount", money(couponOff));
            line.put("discount", money(a[1] + couponOff));
            line.put("lineTotal", money(a[0] - a[1] - couponOff));
            subtotal += a[0];
            offers += a[1];
            coupons += couponOff;
        }
        if (coupon != null && Boolean.TRUE.equals(coupon.get("applied"))) {
            coupon.put("discount", money(coupons));
        }
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("currency", "EUR");
        quote.put("lines", lines);
        quote.put("totals", Map.of("subtotal", money(subtotal), "offerDiscount", money(offers),
                "couponDiscount", money(coupons), "discount", money(offers + coupons),
                "total", money(subtotal - offers - coupons)));
        if (coupon != null) {
            quote.put("coupon", coupon);
        }
        return quote;
    }

    private static long percent(long amount, int percent) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static Map<String, Object> money(long amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }
}
