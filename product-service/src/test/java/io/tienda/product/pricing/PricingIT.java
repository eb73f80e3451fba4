package io.tienda.product.pricing;

import io.tienda.platform.testing.security.TestTokens;
import io.tienda.product.ProductServiceIT;
import io.tienda.product.offer.TestCatalog;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.platform.testing.ServiceChecks.expectProblem;

/**
 * Cart pricing as cart-service asks for it, over products, categories and offers written the way the
 * catalog and the offer admin store them.
 */
class PricingIT extends ProductServiceIT {

    private final Instant now = Instant.now();
    private TestCatalog catalog;
    private String electronics;
    private String phones;
    private String garden;

    @BeforeEach
    void data() {
        clear("offers");
        catalog = new TestCatalog(mongo);
        electronics = catalog.category(null, "electronica");
        phones = catalog.category(electronics, "moviles");
        garden = catalog.category(null, "jardin");
    }

    private static Map<String, Object> item(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    private RestTestClient.BodyContentSpec price(Map<String, Object> body) {
        return price(body, null).expectStatus().isOk().expectBody();
    }

    private RestTestClient.ResponseSpec price(Object body, String token) {
        RestTestClient.RequestBodySpec request = http.post().uri("/api/v1/pricing").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.headers(h -> h.setBearerAuth(token));
        }
        return request.body(body).exchange();
    }

    private String offer(String kind, Object amount, String scope, List<String> ids, String coupon, Document extra) {
        String id = "o-" + UUID.randomUUID();
        Document offer = new Document("_id", id).append("name", "offer " + id.substring(2, 8)).append("kind", kind)
                .append("appliesTo", new Document("scope", scope).append("ids", ids))
                .append("startsAt", Date.from(now.minus(Duration.ofDays(1))))
                .append("endsAt", Date.from(now.plus(Duration.ofDays(1))))
                .append("active", true).append("used", 0);
        if ("PERCENT".equals(kind)) {
            offer.append("percentOff", amount);
        } else {
            offer.append("amountOff", new Document("amount", amount).append("currency", "EUR"));
        }
        if (coupon != null) {
            offer.append("couponCode", coupon);
        }
        offer.putAll(extra);
        mongo.insert(offer, "offers");
        return id;
    }

    private String automatic(String kind, Object amount, String scope, String... ids) {
        return offer(kind, amount, scope, List.of(ids), null, new Document());
    }

    private static String code() {
        return "CP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void aPercentageOnACategoryCoversItsSubcategories() {
        String phone = TestCatalog.sku("PHONE");
        String hose = TestCatalog.sku("HOSE");
        catalog.product(phones, 29_999).sku(phone).save();
        catalog.product(garden, 2_500).sku(hose).save();
        String offer = automatic("PERCENT", 20, "CATEGORIES", electronics);

        price(Map.of("items", List.of(item(phone, 1), item(hose, 2))))
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.lines[0].sku").isEqualTo(phone)
                .jsonPath("$.lines[0].available").isEqualTo(true)
                .jsonPath("$.lines[0].name.es").exists()
                .jsonPath("$.lines[0].name.en").exists()
                .jsonPath("$.lines[0].unitPrice.amount").isEqualTo(29_999)
                .jsonPath("$.lines[0].offer.id").isEqualTo(offer)
                .jsonPath("$.lines[0].discount.amount").isEqualTo(6_000)     // 5999.8 rounded half-up
                .jsonPath("$.lines[0].lineTotal.amount").isEqualTo(23_999)
                .jsonPath("$.lines[1].offer").doesNotExist()
                .jsonPath("$.lines[1].discount.amount").isEqualTo(0)
                .jsonPath("$.lines[1].lineTotal.amount").isEqualTo(5_000)
                .jsonPath("$.totals.subtotal.amount").isEqualTo(34_999)
                .jsonPath("$.totals.discount.amount").isEqualTo(6_000)
                .jsonPath("$.totals.total.amount").isEqualTo(28_999)
                .jsonPath("$.totals.total.currency").isEqualTo("EUR")
                .jsonPath("$.coupon").doesNotExist();
    }

    @Test
    void aFixedAmountOnOneSkuComesOffEachOfItsUnitsOnly() {
        String red = TestCatalog.sku("TEE-RED");
        String blue = TestCatalog.sku("TEE-BLUE");
        String pin = TestCatalog.sku("PIN");
        catalog.product(garden, 1_500).sku(red).sku(blue, 1_700).save();
        catalog.product(garden, 300).sku(pin).save();
        automatic("FIXED", 500, "VARIANTS", red, pin);

        price(Map.of("items", List.of(item(red, 3), item(blue, 1), item(pin, 2))))
                .jsonPath("$.lines[0].discount.amount").isEqualTo(1_500)
                .jsonPath("$.lines[0].lineTotal.amount").isEqualTo(3_000)
                .jsonPath("$.lines[1].unitPrice.amount").isEqualTo(1_700)
                .jsonPath("$.lines[1].discount.amount").isEqualTo(0)
                .jsonPath("$.lines[2].discount.amount").isEqualTo(600)      // a 3.00 pin cannot lose 5.00
                .jsonPath("$.lines[2].lineTotal.amount").isEqualTo(0)
                .jsonPath("$.totals.total.amount").isEqualTo(4_700);
    }

    @Test
    void theBestAutomaticOfferWinsAndOffersNeverStack() {
        String phone = TestCatalog.sku("PHONE");
        String product = catalog.product(phones, 10_000).sku(phone).save();
        automatic("PERCENT", 10, "ALL");
        String best = automatic("PERCENT", 25, "CATEGORIES", phones);
        automatic("FIXED", 2_000, "PRODUCTS", product);

        price(Map.of("items", List.of(item(phone, 2))))
                .jsonPath("$.lines[0].offer.id").isEqualTo(best)
                .jsonPath("$.lines[0].offer.discount.amount").isEqualTo(5_000)
                .jsonPath("$.totals.discount.amount").isEqualTo(5_000)
                .jsonPath("$.totals.total.amount").isEqualTo(15_000);
    }

    @Test
    void offersOutsideTheirWindowOrWithdrawnDoNotApply() {
        String hose = TestCatalog.sku("HOSE");
        catalog.product(garden, 1_000).sku(hose).save();
        offer("PERCENT", 50, "ALL", List.of(), null, new Document("active", false));
        offer("PERCENT", 40, "ALL", List.of(), null, new Document("endsAt", Date.from(now.minusSeconds(1))));
        offer("PERCENT", 30, "ALL", List.of(), null, new Document("startsAt", Date.from(now.plusSeconds(3600))));
        String live = automatic("PERCENT", 5, "ALL");

        price(Map.of("items", List.of(item(hose, 1))))
                .jsonPath("$.lines[0].offer.id").isEqualTo(live)
                .jsonPath("$.totals.total.amount").isEqualTo(950);
    }

    @Test
    void aCouponAppliesOnTopOfTheAutomaticOffer() {
        String phone = TestCatalog.sku("PHONE");
        catalog.product(phones, 10_000).sku(phone).save();
        automatic("PERCENT", 10, "ALL");
        String code = code();
        String couponOffer = offer("PERCENT", 20, "CATEGORIES", List.of(electronics), code,
                new Document("usageLimit", 100));

        price(Map.of("items", List.of(item(phone, 1)), "couponCode", code.toLowerCase()))
                .jsonPath("$.lines[0].discount.amount").isEqualTo(2_800)
                .jsonPath("$.lines[0].couponDiscount.amount").isEqualTo(1_800)
                .jsonPath("$.totals.offerDiscount.amount").isEqualTo(1_000)
                .jsonPath("$.totals.couponDiscount.amount").isEqualTo(1_800)
                .jsonPath("$.totals.total.amount").isEqualTo(7_200)
                .jsonPath("$.coupon.code").isEqualTo(code)
                .jsonPath("$.coupon.applied").isEqualTo(true)
                .jsonPath("$.coupon.reason").doesNotExist()
                .jsonPath("$.coupon.offerId").isEqualTo(couponOffer)
                .jsonPath("$.coupon.discount.amount").isEqualTo(1_800);
    }

    @Test
    void aFixedCouponComesOffTheOrderOnce() {
        String a = TestCatalog.sku("A");
        String b = TestCatalog.sku("B");
        catalog.product(garden, 3_000).sku(a).save();
        catalog.product(garden, 1_000).sku(b).save();
        String code = code();
        offer("FIXED", 1_000, "ALL", List.of(), code, new Document());

        price(Map.of("items", List.of(item(a, 1), item(b, 2)), "couponCode", code))
                .jsonPath("$.lines[0].couponDiscount.amount").isEqualTo(600)
                .jsonPath("$.lines[1].couponDiscount.amount").isEqualTo(400)
                .jsonPath("$.totals.total.amount").isEqualTo(4_000)
                .jsonPath("$.coupon.applied").isEqualTo(true);
    }

    @Test
    void aCouponBelowItsMinimumDoesNotApply() {
        String hose = TestCatalog.sku("HOSE");
        catalog.product(garden, 2_000).sku(hose).save();
        automatic("PERCENT", 50, "ALL");
        String code = code();
        offer("PERCENT", 10, "ALL", List.of(), code,
                new Document("minimumOrder", new Document("amount", 2_000L).append("currency", "EUR")));

        // 2 x 20.00 = 40.00, 20.00 after the automatic half: exactly the minimum
        price(Map.of("items", List.of(item(hose, 2)), "couponCode", code))
                .jsonPath("$.coupon.applied").isEqualTo(true)
                .jsonPath("$.coupon.minimumOrder.amount").isEqualTo(2_000);
        price(Map.of("items", List.of(item(hose, 1)), "couponCode", code))
                .jsonPath("$.coupon.applied").isEqualTo(false)
                .jsonPath("$.coupon.reason").isEqualTo("minimum-not-met")
                .jsonPath("$.totals.couponDiscount.amount").isEqualTo(0)
                .jsonPath("$.totals.total.amount").isEqualTo(1_000);
    }

    @Test
    void unknownExpiredExhaustedAndNotApplicableCouponsSayWhy() {
        String hose = TestCatalog.sku("HOSE");
        catalog.product(garden, 2_000).sku(hose).save();
        String expired = code();
        offer("PERCENT", 10, "ALL", List.of(), expired, new Document("endsAt", Date.from(now.minusSeconds(60))));
        String future = code();
        offer("PERCENT", 10, "ALL", List.of(), future, new Document("startsAt", Date.from(now.plusSeconds(600))));
        String exhausted = code();
        offer("PERCENT", 10, "ALL", List.of(), exhausted, new Document("usageLimit", 3).append("used", 3));
        String phonesOnly = code();
        offer("PERCENT", 10, "CATEGORIES", List.of(phones), phonesOnly, new Document());

        expectCoupon(hose, "NO-SUCH-CODE", "unknown");
        expectCoupon(hose, "not a code!", "unknown");
        expectCoupon(hose, expired, "expired");
        expectCoupon(hose, future, "expired");
        expectCoupon(hose, exhausted, "exhausted");
        expectCoupon(hose, phonesOnly, "not-applicable");
    }

    private void expectCoupon(String sku, String code, String reason) {
        price(Map.of("items", List.of(item(sku, 1)), "couponCode", code))
                .jsonPath("$.coupon.applied").isEqualTo(false)
                .jsonPath("$.coupon.reason").isEqualTo(reason)
                .jsonPath("$.totals.total.amount").isEqualTo(2_000);
    }

    @Test
    void aSignedInCustomerWhoUsedUpTheirShareSeesTheCouponExhausted() {
        String hose = TestCatalog.sku("HOSE");
        catalog.product(garden, 2_000).sku(hose).save();
        String code = code();
        String customer = TestCatalog.sku("customer").toLowerCase();
        offer("PERCENT", 10, "ALL", List.of(), code, new Document("perCustomerLimit", 1).append("used", 1)
                .append("redemptions", List.of(new Document("orderId", "order-1").append("customerId", customer)
                        .append("orderTotal", new Document("amount", 2_000L).append("currency", "EUR"))
                        .append("at", new Date()))));
        Map<String, Object> body = Map.of("items", List.of(item(hose, 1)), "couponCode", code);

        price(body, TestTokens.customer(customer)).expectStatus().isOk().expectBody()
                .jsonPath("$.coupon.reason").isEqualTo("exhausted");
        price(body, TestTokens.customer(TestTokens.newCustomer())).expectStatus().isOk().expectBody()
                .jsonPath("$.coupon.applied").isEqualTo(true);
        price(body, null).expectStatus().isOk().expectBody()
                .jsonPath("$.coupon.applied").isEqualTo(true);
    }

    @Test
    void unknownAndInactiveSkusAreUnavailableLinesAndTheRestIsPriced() {
        String hose = TestCatalog.sku("HOSE");
        String retired = TestCatalog.sku("RETIRED");
        String dollars = TestCatalog.sku("DOLLARS");
        catalog.product(garden, 2_000).sku(hose).save();
        catalog.product(garden, 9_000).sku(retired).inactive().save();
        catalog.product(garden, 1_000).sku(dollars).currency("USD").save();

        price(Map.of("items", List.of(item("GHOST-SKU", 1), item(hose, 2), item(retired, 1), item(dollars, 1))))
                .jsonPath("$.lines.length()").isEqualTo(4)
                .jsonPath("$.lines[0].sku").isEqualTo("GHOST-SKU")
                .jsonPath("$.lines[0].available").isEqualTo(false)
                .jsonPath("$.lines[0].reason").isEqualTo("unknown")
                .jsonPath("$.lines[0].quantity").isEqualTo(1)
                .jsonPath("$.lines[0].unitPrice").doesNotExist()
                .jsonPath("$.lines[1].available").isEqualTo(true)
                .jsonPath("$.lines[1].lineTotal.amount").isEqualTo(4_000)
                .jsonPath("$.lines[2].reason").isEqualTo("inactive")
                .jsonPath("$.lines[3].reason").isEqualTo("currency")
                .jsonPath("$.totals.subtotal.amount").isEqualTo(4_000)
                .jsonPath("$.totals.total.amount").isEqualTo(4_000);
    }

    @Test
    void aMixedCartGetsOneOfferPerLineAndTheCouponOnlyWhereItReaches() {
        String phone = TestCatalog.sku("PHONE");
        String case1 = TestCatalog.sku("CASE");
        String hose = TestCatalog.sku("HOSE");
        String phoneProduct = catalog.product(phones, 50_000).sku(phone).save();
        catalog.product(phones, 1_999).sku(case1).save();
        catalog.product(garden, 2_500).sku(hose).save();
        String phoneDeal = automatic("FIXED", 5_000, "PRODUCTS", phoneProduct);
        String gardenDeal = automatic("PERCENT", 15, "CATEGORIES", garden);
        String code = code();
        offer("PERCENT", 10, "CATEGORIES", List.of(electronics), code, new Document());

        price(Map.of("items", List.of(item(phone, 1), item(case1, 3), item(hose, 1), item("GHOST", 2)),
                "couponCode", code))
                .jsonPath("$.lines[0].offer.id").isEqualTo(phoneDeal)
                .jsonPath("$.lines[0].couponDiscount.amount").isEqualTo(4_500)   // 10 % of 450.00
                .jsonPath("$.lines[0].lineTotal.amount").isEqualTo(40_500)
                .jsonPath("$.lines[1].offer").doesNotExist()
                .jsonPath("$.lines[1].couponDiscount.amount").isEqualTo(600)     // 10 % of 59.97, half-up
                .jsonPath("$.lines[1].lineTotal.amount").isEqualTo(5_397)
                .jsonPath("$.lines[2].offer.id").isEqualTo(gardenDeal)
                .jsonPath("$.lines[2].couponDiscount.amount").isEqualTo(0)
                .jsonPath("$.lines[2].lineTotal.amount").isEqualTo(2_125)
                .jsonPath("$.lines[3].available").isEqualTo(false)
                .jsonPath("$.totals.subtotal.amount").isEqualTo(50_000 + 5_997 + 2_500)
                .jsonPath("$.totals.offerDiscount.amount").isEqualTo(5_000 + 375)
                .jsonPath("$.totals.couponDiscount.amount").isEqualTo(5_100)
                .jsonPath("$.totals.total.amount").isEqualTo(40_500 + 5_397 + 2_125)
                .jsonPath("$.coupon.applied").isEqualTo(true);
    }

    @Test
    void theInputIsBounded() {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(item("SKU-" + i, 1));
        }
        expectProblem(price(Map.of("items", tooMany), null), 400, "validation");
        expectProblem(price(Map.of("items", List.of(item("SKU-1", 0))), null), 400, "validation");
        expectProblem(price(Map.of("items", List.of(item("SKU-1", 1000))), null), 400, "validation");
        expectProblem(price(Map.of("items", List.of(item("no spaces", 1))), null), 400, "validation");
        expectProblem(price(Map.of("items", List.of(item("SKU-1", 1)), "couponCode", "X".repeat(65)), null), 400,
                "validation");
        expectProblem(price(Map.of("couponCode", "ANY"), null), 400, "validation");
        expectProblem(price("{\"items\": [", null), 400);
        price(Map.of("items", List.of()), null).expectStatus().isOk().expectBody()
                .jsonPath("$.totals.total.amount").isEqualTo(0);
    }

    @Test
    void pricingIsDocumented() {
        http.get().uri("/v3/api-docs").exchange().expectBody()
                .jsonPath("$.paths['/api/v1/pricing'].post.summary").isEqualTo("Price a cart");
    }
}
