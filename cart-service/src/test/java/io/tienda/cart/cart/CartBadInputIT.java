package io.tienda.cart.cart;

import io.tienda.cart.support.CartIT;
import io.tienda.cart.support.FakeCatalog;
import io.tienda.platform.testing.http.ApiReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is a 4xx problem+json and leaves the cart exactly as it was; nothing a client sends is a 5xx. */
class CartBadInputIT extends CartIT {

    private Shopper ana;
    private String sku;
    private JsonNode before;

    @BeforeEach
    void aCartWithOneLine() {
        sku = FakeCatalog.newSku("BAD");
        catalog.sell(sku, 1000);
        ana = customer();
        ana.add(sku, 2).expect(200);
        before = lines();
    }

    @Test
    void badAddsAreRefused() {
        String unknown = FakeCatalog.newSku("NOPE");
        assertThat(ana.add(unknown, 1).expectProblem(422, "unknown-sku").json().get("reason").asString())
                .isEqualTo("unknown");
        String inactive = FakeCatalog.newSku("OFF");
        catalog.sell(inactive, 10);
        catalog.deactivate(inactive);
        ana.add(inactive, 1).expectProblem(422, "unknown-sku");
        assertThat(ana.add(sku, 0).expectProblem(400, "validation").errorFields()).containsExactly("quantity");
        ana.add(sku, 100).expectProblem(400, "validation");
        ana.add(sku, -1).expectProblem(400, "validation");
        ana.add(sku, 98).expectProblem(422, "cart-quantity-limit");
        ana.send(HttpMethod.POST, "/api/v1/cart/items", "{\"sku\":\"" + sku + "\",\"quantity\":\"x\"}")
                .expectProblem(400, "invalid-field-type");
        ana.send(HttpMethod.POST, "/api/v1/cart/items", "{\"sku\":\"" + sku + "\",\"quantity\":1.5}").expect(400);
        ana.send(HttpMethod.POST, "/api/v1/cart/items", "{\"sku\":\"has space\",\"quantity\":1}")
                .expectProblem(400, "validation");
        ana.send(HttpMethod.POST, "/api/v1/cart/items", "{\"quantity\":1}").expectProblem(400, "validation");
        ana.send(HttpMethod.POST, "/api/v1/cart/items", "{\"sku\":").expectProblem(400, "malformed-request");
        ana.send(HttpMethod.POST, "/api/v1/cart/items", "[1,2]").expect(400);
        ana.send(HttpMethod.POST, "/api/v1/cart/items", null).expect(400);
        ana.send(HttpMethod.POST, "/api/v1/cart/items",
                "{\"sku\":\"" + "A".repeat(40_000) + "\",\"quantity\":1}").expectProblem(413, "payload-too-large");
        assertThat(lines()).isEqualTo(before);
    }

    @Test
    void badChangesAreRefused() {
        ana.change(sku, 0).expectProblem(400, "validation");
        ana.change(sku, 100).expectProblem(400, "validation");
        ana.send(HttpMethod.PATCH, "/api/v1/cart/items/" + sku, "{\"quantity\":\"x\"}").expect(400);
        ana.change(FakeCatalog.newSku("ABSENT"), 1).expectProblem(404, "not-found");
        ana.send(HttpMethod.PATCH, "/api/v1/cart/items/bad%20sku", Map.of("quantity", 1)).expect(400);
        ana.send(HttpMethod.DELETE, "/api/v1/cart/items/bad%20sku", null).expect(400);
        ana.coupon("x").expectProblem(400, "validation");
        ana.coupon("NO SPACES ALLOWED").expectProblem(400, "validation");
        ana.shipTo("Spain", "28013").expectProblem(400, "validation");
        ana.shipTo("ES", "").expectProblem(400, "validation");
        ana.shipTo("ES", "!!!!").expectProblem(400, "validation");
        ana.send(HttpMethod.PUT, "/api/v1/cart/shipping-address", "{}").expectProblem(400, "validation");
        ana.send(HttpMethod.PUT, "/api/v1/cart/coupon", "not json").expect(400);
        assertThat(lines()).isEqualTo(before);
        assertThat(ana.cart().json().get("coupon").isNull()).isTrue();
        assertThat(ana.cart().json().get("shippingAddress").isNull()).isTrue();
    }

    @Test
    void theHundredAndFirstLineIsRefused() {
        Shopper full = customer();
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String line = FakeCatalog.newSku("L" + i);
            catalog.sell(line, 100);
            skus.add(line);
            full.add(line, 1).expect(200);
        }
        String extra = FakeCatalog.newSku("EXTRA");
        catalog.sell(extra, 100);

        full.add(extra, 1).expectProblem(422, "cart-line-limit");

        assertThat(full.quantities()).hasSize(100).doesNotContainKey(extra);
    }

    @Test
    void malformedAndUnknownCartTokensAreRefusedWithoutTouchingAnyCart() {
        Shopper guest = guest();
        guest.add(sku, 1).expect(200);
        String token = guest.cartToken();

        for (String bad : List.of("x", token + "A", token.substring(1), "../../etc/passwd", "' OR 1=1 --",
                "Ω".repeat(43))) {
            ApiReply reply = guest().withCartToken(bad).add(sku, 1);
            assertThat(reply.status()).as(bad).isIn(400);
        }
        guest().withCartToken("B".repeat(43)).add(sku, 1).expectProblem(404, "unknown-cart-token");
        guest().withCartToken("B".repeat(43)).send(HttpMethod.DELETE, "/api/v1/cart", null)
                .expectProblem(404, "unknown-cart-token");
        assertThat(guest.quantities()).containsExactly(Map.entry(sku, 1));
        assertThat(lines()).isEqualTo(before);
    }

    @Test
    void unsupportedMethodsAndMediaTypesAreProblems() {
        ana.send(HttpMethod.PUT, "/api/v1/cart", Map.of()).expectProblem(405, "method-not-allowed");
        api.send(HttpMethod.POST, "/api/v1/cart/items", ana.bearer(), null, Map.of("Content-Type", "text/plain"))
                .expect(415);
        assertThat(lines()).isEqualTo(before);
    }

    private JsonNode lines() {
        return ana.cart().expect(200).json().get("items");
    }
}
