package io.tienda.cart.cart;

import io.tienda.cart.support.CartIT;
import io.tienda.cart.support.FakeCatalog;
import io.tienda.platform.testing.AllAtOnce;
import io.tienda.platform.testing.http.ApiReply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Two devices of one shopper write the same cart at once: no update is lost. */
class CartConcurrencyIT extends CartIT {

    @Test
    void twoHundredConcurrentAddsFromTwoDevicesLoseNothing() {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String sku = FakeCatalog.newSku("RACE" + i);
            catalog.sell(sku, 100 + i);
            skus.add(sku);
        }
        Shopper ana = customer();
        Shopper phone = ana;
        Shopper laptop = ana.withoutCartToken();
        IntFunction<String> skuOf = i -> skus.get(i % skus.size());
        IntUnaryOperator quantityOf = i -> 1 + (i / 4) % 2;
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            expected.merge(skuOf.apply(i), quantityOf.applyAsInt(i), Integer::sum);
        }
        // Even calls from the phone, odd ones from the laptop, 32 in flight at a time.
        List<ApiReply> replies = AllAtOnce.run(200, 32,
                i -> (i % 2 == 0 ? phone : laptop).add(skuOf.apply(i), quantityOf.applyAsInt(i)));
        assertThat(replies).allSatisfy(reply -> reply.expect(200));

        assertThat(expected.values()).allMatch(q -> q <= 99);
        assertThat(ana.quantities()).isEqualTo(expected);
        assertThat(redis.opsForHash().get("cart:{u:" + ana.id() + "}:meta", "version")).isEqualTo("200");
    }
}
