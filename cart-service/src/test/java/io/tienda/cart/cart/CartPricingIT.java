package io.tienda.cart.cart;

import io.tienda.cart.support.CartIT;
import io.tienda.cart.support.FakeCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every read prices the cart at the catalog's current prices; a down catalog shows remembered prices, stale. */
class CartPricingIT extends CartIT {

    @Test
    void aSignedInShopperSeesTheirCartPricedWithOffersShippingAndSpanishVat() {
        String coffee = FakeCatalog.newSku("CAF");
        String mug = FakeCatalog.newSku("MUG");
        catalog.sell(coffee, 1299, 10, true);
        catalog.sell(mug, 800);
        Shopper ana = customer();

        ana.add(coffee, 2).expect(200);
        JsonNode cart = ana.add(mug, 1).expect(200).json();

        assertThat(cart.get("id").asString()).isEqualTo("u:" + ana.id());
        assertThat(cart.get("owner").asString()).isEqualTo("user");
        assertThat(cart.get("itemCount").asInt()).isEqualTo(3);
        assertThat(cart.get("stale").asBoolean()).isFalse();
        JsonNode first = cart.get("items").get(0);
        assertThat(first.get("sku").asString()).isEqualTo(coffee);
        assertThat(first.get("availability").asString()).isEqualTo("in_stock");
        assertThat(first.get("unitPrice").get("amount").asLong()).isEqualTo(1299);
        assertThat(first.get("offerDiscount").get("amount").asLong()).isEqualTo(260);
        assertThat(first.get("lineTotal").get("amount").asLong()).isEqualTo(2338);
        JsonNode totals = cart.get("totals");
        assertThat(totals.get("subtotal").get("amount").asLong()).isEqualTo(3398);
        assertThat(totals.get("discount").get("amount").asLong()).isEqualTo(260);
        assertThat(totals.get("shipping").get("amount").asLong()).isEqualTo(499);
        assertThat(totals.get("total").get("amount").asLong()).isEqualTo(3637);
        assertThat(totals.get("tax").get("amount").asLong()).isEqualTo(631); // 3637 * 21 / 121
        assertThat(totals.get("taxIncluded").asBoolean()).isTrue();
        assertThat(totals.get("country").asString()).isEqualTo("ES");
        assertThat(totals.get("total").get("currency").asString()).isEqualTo("EUR");
    }

    @Test
    void aPriceChangeShowsOnTheNextRead() {
        String sku = FakeCatalog.newSku("PRC");
        catalog.sell(sku, 1000);
        Shopper ana = customer();
        ana.add(sku, 3).expect(200);

        catalog.reprice(sku, 1200);

        JsonNode cart = ana.cart().expect(200).json();
        assertThat(cart.get("items").get(0).get("unitPrice").get("amount").asLong()).isEqualTo(1200);
        assertThat(cart.get("totals").get("subtotal").get("amount").asLong()).isEqualTo(3600);
    }

    @Test
    void whenTheCatalogIsDownTheCartShowsLastKnownPricesMarkedStaleAndCheckoutIsRefused() {
        String sku = FakeCatalog.newSku("STL");
        catalog.sell(sku, 2500, 20, true);
        Shopper ana = customer();
        ana.add(sku, 2).expect(200);

        catalog.down(true);

        JsonNode cart = ana.cart().expect(200).json();
        assertThat(cart.get("stale").asBoolean()).isTrue();
        JsonNode line = cart.get("items").get(0);
        assertThat(line.get("stale").asBoolean()).isTrue();
        assertThat(line.get("availability").asString()).isEqualTo("unknown");
        assertThat(line.get("unitPrice").get("amount").asLong()).isEqualTo(2500);
        assertThat(line.get("lineTotal").get("amount").asLong()).isEqualTo(4000);
        assertThat(cart.get("totals").get("total").get("amount").asLong()).isEqualTo(4499);
        ana.change(sku, 3).expect(200);
        assertThat(ana.cart().expect(200).json().get("items").get(0).get("lineTotal").get("amount").asLong())
                .as("remembered unit price and discount scaled to the new quantity").isEqualTo(6000);
        ana.checkout().expectProblem(409, "cart-prices-stale");
        ana.add(FakeCatalog.newSku("NEW"), 1).expectProblem(503, "service-unavailable");

        catalog.down(false);
        assertThat(ana.cart().expect(200).json().get("stale").asBoolean()).isFalse();
        ana.checkout().expect(200);
    }

    /**
     * A catalog that is up but slower than the read timeout: the checkout snapshot gives up after two tries,
     * so that it answers (stale prices) before order-service stops waiting for it, and not a third.
     */
    @Test
    void aCatalogTooSlowToAnswerRefusesTheCheckoutAfterTwoTries() {
        String sku = FakeCatalog.newSku("SLOW");
        catalog.sell(sku, 1200);
        Shopper ana = customer();
        ana.add(sku, 1).expect(200);
        catalog.slow(Duration.ofMillis(2_500));
        try {
            int before = catalog.pricingCalls();
            ana.checkout().expectProblem(409, "cart-prices-stale");
            assertThat(catalog.pricingCalls() - before).isEqualTo(2);
        } finally {
            catalog.slow(Duration.ZERO);
        }
        ana.checkout().expect(200);
    }

    @Test
    void aSoldOutLineIsFlaggedNotDroppedAndCheckoutRefusesIt() {
        String sku = FakeCatalog.newSku("OUT");
        String other = FakeCatalog.newSku("OK");
        catalog.sell(sku, 1000);
        catalog.sell(other, 500);
        Shopper ana = customer();
        ana.add(sku, 1).expect(200);
        ana.add(other, 1).expect(200);

        catalog.soldOut(sku);

        JsonNode cart = ana.cart().expect(200).json();
        assertThat(cart.get("items")).hasSize(2);
        JsonNode outLine = cart.get("items").valueStream().filter(i -> i.get("sku").asString().equals(sku))
                .findFirst().orElseThrow();
        assertThat(outLine.get("availability").asString()).isEqualTo("sold_out");
        JsonNode problem = ana.checkout().expectProblem(409, "cart-lines-sold-out").json();
        assertThat(problem.get("skus").get(0).asString()).isEqualTo(sku);
    }

    @Test
    void aProductWithdrawnAfterItWasAddedIsShownUnavailableAndLeftOutOfTheTotals() {
        String sku = FakeCatalog.newSku("A-GONE");
        String other = FakeCatalog.newSku("B-STAY");
        catalog.sell(sku, 1000);
        catalog.sell(other, 700);
        Shopper ana = customer();
        ana.add(sku, 1).expect(200);
        ana.add(other, 1).expect(200);

        catalog.deactivate(sku);

        JsonNode cart = ana.cart().expect(200).json();
        JsonNode gone = cart.get("items").get(0);
        assertThat(gone.get("availability").asString()).isEqualTo("unavailable");
        assertThat(gone.get("reason").asString()).isEqualTo("inactive");
        assertThat(cart.get("totals").get("subtotal").get("amount").asLong()).isEqualTo(700);
        ana.checkout().expectProblem(409, "cart-lines-unavailable");
    }

    @Test
    void aValidCouponComesOffOnTopOfTheOffers() {
        String sku = FakeCatalog.newSku("CPN");
        catalog.sell(sku, 2000, 10, true);
        catalog.coupon("VERANO-10", "valid", 10, 1000);
        Shopper ana = customer();
        ana.add(sku, 2).expect(200);

        JsonNode cart = ana.coupon("verano-10").expect(200).json();

        assertThat(cart.get("coupon").get("code").asString()).isEqualTo("VERANO-10");
        assertThat(cart.get("coupon").get("applied").asBoolean()).isTrue();
        assertThat(cart.get("totals").get("offerDiscount").get("amount").asLong()).isEqualTo(400);
        assertThat(cart.get("totals").get("couponDiscount").get("amount").asLong()).isEqualTo(360);
        assertThat(cart.get("totals").get("total").get("amount").asLong()).as("3240 of goods + 499 shipping")
                .isEqualTo(3739);
        assertThat(ana.send(HttpMethod.DELETE, "/api/v1/cart/coupon", null).expect(200)
                .json().get("coupon").isNull()).isTrue();
    }

    @Test
    void aCouponRemovedWhileTheCatalogIsDownNoLongerComesOffTheRememberedPrices() {
        String sku = FakeCatalog.newSku("CPD");
        catalog.sell(sku, 2000, 10, true);
        catalog.coupon("VERANO-10", "valid", 10, 1000);
        Shopper ana = customer();
        ana.add(sku, 2).expect(200);
        assertThat(ana.coupon("VERANO-10").expect(200).json().get("totals").get("couponDiscount").get("amount")
                .asLong()).isEqualTo(360);

        catalog.down(true);
        JsonNode removed = ana.send(HttpMethod.DELETE, "/api/v1/cart/coupon", null)
                .expect(200).json();

        for (JsonNode cart : List.of(removed, ana.cart().expect(200).json())) {
            assertThat(cart.get("stale").asBoolean()).isTrue();
            assertThat(cart.get("coupon").isNull()).isTrue();
            JsonNode line = cart.get("items").get(0);
            assertThat(line.get("offerDiscount").get("amount").asLong()).isEqualTo(400);
            assertThat(line.get("couponDiscount").get("amount").asLong()).isZero();
            assertThat(line.get("discount").get("amount").asLong()).isEqualTo(400);
            assertThat(line.get("lineTotal").get("amount").asLong()).isEqualTo(3600);
            JsonNode totals = cart.get("totals");
            assertThat(totals.get("offerDiscount").get("amount").asLong()).isEqualTo(400);
            assertThat(totals.get("couponDiscount").get("amount").asLong()).isZero();
            assertThat(totals.get("discount").get("amount").asLong()).isEqualTo(400);
            assertThat(totals.get("total").get("amount").asLong()).as("3600 of goods + 499 shipping")
                    .isEqualTo(4099);
        }
    }

    @Test
    void unknownExpiredAndUsedUpCouponsAreRefusedAndNotKept() {
        String sku = FakeCatalog.newSku("CPX");
        catalog.sell(sku, 2000);
        catalog.coupon("VIEJO-5", "expired", 5, 0);
        catalog.coupon("AGOTADO-5", "exhausted", 5, 0);
        Shopper ana = customer();
        ana.add(sku, 1).expect(200);

        assertThat(ana.coupon("NADIE-LO-TIENE").expectProblem(422, "coupon-rejected").json().get("reason").asString())
                .isEqualTo("unknown");
        assertThat(ana.coupon("VIEJO-5").expectProblem(422, "coupon-rejected").json().get("reason").asString())
                .isEqualTo("expired");
        assertThat(ana.coupon("AGOTADO-5").expectProblem(422, "coupon-rejected").json().get("reason").asString())
                .isEqualTo("exhausted");
        assertThat(ana.cart().expect(200).json().get("coupon").isNull()).isTrue();
    }

    @Test
    void anUnknownCouponIsRefusedEvenOnAnEmptyCart() {
        Shopper bruno = customer();

        assertThat(bruno.coupon("NADIE-LO-TIENE").expectProblem(422, "coupon-rejected").json().get("reason")
                .asString()).isEqualTo("unknown");
        assertThat(bruno.cart().expect(200).json().get("coupon").isNull()).isTrue();
    }

    @Test
    void aCouponUnderItsMinimumIsKeptWithItsReasonAndAppliesOnceTheCartIsBigEnough() {
        String sku = FakeCatalog.newSku("MIN");
        catalog.sell(sku, 1500);
        catalog.coupon("GRANDE-20", "valid", 20, 5000);
        Shopper ana = customer();
        ana.add(sku, 1).expect(200);

        JsonNode cart = ana.coupon("GRANDE-20").expect(200).json();
        assertThat(cart.get("coupon").get("applied").asBoolean()).isFalse();
        assertThat(cart.get("coupon").get("reason").asString()).isEqualTo("minimum-not-met");
        assertThat(cart.get("coupon").get("minimumOrder").get("amount").asLong()).isEqualTo(5000);

        cart = ana.change(sku, 4).expect(200).json();
        assertThat(cart.get("coupon").get("applied").asBoolean()).isTrue();
        assertThat(cart.get("totals").get("couponDiscount").get("amount").asLong()).isEqualTo(1200);
        assertThat(cart.get("totals").get("shipping").get("amount").asLong()).as("4800 of goods").isEqualTo(499);
    }

    @Test
    void theDestinationDecidesTaxAndShipping() {
        String sku = FakeCatalog.newSku("DST");
        catalog.sell(sku, 6000);
        Shopper ana = customer();
        ana.add(sku, 1).expect(200);
        assertThat(ana.cart().expect(200).json().get("totals").get("shipping").get("amount").asLong())
                .as("free in Spain from 50 EUR").isZero();

        JsonNode cart = ana.shipTo("pt", "1000-001").expect(200).json();

        assertThat(cart.get("shippingAddress").get("country").asString()).isEqualTo("PT");
        assertThat(cart.get("totals").get("country").asString()).isEqualTo("PT");
        assertThat(cart.get("totals").get("shipping").get("amount").asLong()).isEqualTo(799);
        assertThat(cart.get("totals").get("taxRate").decimalValue()).isEqualByComparingTo("23");
        ana.shipTo("US", "10001").expectProblem(422, "country-not-served");
    }
}
