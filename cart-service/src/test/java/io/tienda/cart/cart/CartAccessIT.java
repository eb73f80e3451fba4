package io.tienda.cart.cart;

import io.tienda.cart.support.CartIT;
import io.tienda.cart.support.FakeCatalog;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Guests by token, shoppers by their own token, merging at sign-in, and nobody reaching another's cart. */
class CartAccessIT extends CartIT {

    @Test
    void anAnonymousShopperWithoutACartSeesAnEmptyOneAndGetsATokenOnTheFirstWrite() {
        String sku = FakeCatalog.newSku("G");
        catalog.sell(sku, 1000);
        Shopper guest = guest();

        JsonNode empty = guest.cart().expect(200).json();
        assertThat(empty.get("items")).isEmpty();
        assertThat(empty.get("itemCount").asInt()).isZero();
        assertThat(guest.cartToken()).isNull();

        JsonNode cart = guest.add(sku, 2).expect(200).json();
        assertThat(guest.cartToken()).matches("[A-Za-z0-9_-]{43}");
        assertThat(cart.get("owner").asString()).isEqualTo("guest");
        assertThat(cart.get("id").asString()).startsWith("g:").doesNotContain(guest.cartToken());
        assertThat(guest.quantities()).containsExactly(Map.entry(sku, 2));
        assertThat(redis.keys("*" + guest.cartToken() + "*")).as("the token itself is never stored").isEmpty();
        assertThat(redis.getExpire("cart:{" + cart.get("id").asString() + "}")).isBetween(6L * 86400, 7L * 86400);
    }

    @Test
    void aSignedInShoppersCartLivesThirtyDaysAndEachShopperSeesOnlyTheirOwn() {
        String sku = FakeCatalog.newSku("U");
        catalog.sell(sku, 1000);
        Shopper ana = customer();
        Shopper bruno = customer();
        ana.add(sku, 1).expect(200);

        assertThat(bruno.quantities()).isEmpty();
        assertThat(ana.quantities()).containsExactly(Map.entry(sku, 1));
        assertThat(redis.getExpire("cart:{u:" + ana.id() + "}")).isBetween(29L * 86400, 30L * 86400);
    }

    @Test
    void atSignInTheGuestCartMergesSummedAndCappedAndTheGuestCartIsGone() {
        String a = FakeCatalog.newSku("MA");
        String b = FakeCatalog.newSku("MB");
        String c = FakeCatalog.newSku("MC");
        catalog.sell(a, 100);
        catalog.sell(b, 200);
        catalog.sell(c, 300);
        Shopper ana = customer();
        ana.add(a, 60).expect(200);
        ana.add(b, 1).expect(200);
        Shopper guest = guest();
        guest.add(a, 50).expect(200);
        guest.add(c, 2).expect(200);

        Shopper signedIn = guest.signedInAs(ana);
        JsonNode merged = signedIn.merge().expect(200).json();

        assertThat(merged.get("id").asString()).isEqualTo("u:" + ana.id());
        assertThat(ana.quantities()).containsOnly(Map.entry(a, 99), Map.entry(b, 1), Map.entry(c, 2));
        signedIn.merge().expect(200);
        assertThat(ana.quantities()).as("merging again adds nothing").containsOnly(Map.entry(a, 99), Map.entry(b, 1),
                Map.entry(c, 2));
        guest.cart().expectProblem(409, "cart-merged");
        guest.add(a, 1).expectProblem(409, "cart-merged");
    }

    @Test
    void aSignedInRequestCarryingAGuestTokenMergesItAutomatically() {
        String sku = FakeCatalog.newSku("AUTO");
        catalog.sell(sku, 100);
        Shopper guest = guest();
        guest.add(sku, 3).expect(200);
        Shopper ana = customer();

        JsonNode cart = guest.signedInAs(ana).cart().expect(200).json();

        assertThat(cart.get("id").asString()).isEqualTo("u:" + ana.id());
        assertThat(ana.quantities()).containsExactly(Map.entry(sku, 3));
    }

    @Test
    void aGuestTokenMergedIntoOneShoppersCartIsRefusedToAnother() {
        String sku = FakeCatalog.newSku("STEAL");
        catalog.sell(sku, 100);
        Shopper guest = guest();
        guest.add(sku, 1).expect(200);
        Shopper ana = customer();
        Shopper bruno = customer();
        guest.signedInAs(ana).merge().expect(200);

        guest.signedInAs(bruno).merge().expectProblem(403, "cart-token-refused");
        guest.signedInAs(bruno).cart().expectProblem(403, "cart-token-refused");
        assertThat(bruno.quantities()).isEmpty();
        assertThat(ana.quantities()).containsExactly(Map.entry(sku, 1));
    }

    @Test
    void aCartTokenReachesOnlyItsOwnCart() {
        String sku = FakeCatalog.newSku("TOK");
        catalog.sell(sku, 100);
        Shopper one = guest();
        Shopper two = guest();
        one.add(sku, 1).expect(200);
        two.add(sku, 5).expect(200);

        assertThat(one.quantities()).containsExactly(Map.entry(sku, 1));
        assertThat(two.quantities()).containsExactly(Map.entry(sku, 5));
        guest().withCartToken("A".repeat(43)).cart().expectProblem(404, "unknown-cart-token");
        guest().withCartToken("not a token").cart().expectProblem(400, "invalid-cart-token");
    }

    @Test
    void mergeAndCheckoutNeedASignedInShopperAndABadBearerTokenIsNeverAGuest() {
        Shopper guest = guest();
        guest.merge().expectProblem(401, "unauthorized");
        guest.checkout().expectProblem(401, "unauthorized");
        customer().merge().expectProblem(400, "validation");
        String forged = TestTokens.builder(TestTokens.newCustomer(), "CUSTOMER").foreignKey().sign();
        api.send(HttpMethod.GET, "/api/v1/cart", forged, null).expectProblem(401, "unauthorized");
        api.send(HttpMethod.POST, "/api/v1/cart/items", forged, Map.of("sku", "A-1", "quantity", 1))
                .expectProblem(401, "unauthorized");
    }

    @Test
    void anEmptyCartCannotBeCheckedOut() {
        customer().checkout().expectProblem(422, "cart-empty");
    }
}
