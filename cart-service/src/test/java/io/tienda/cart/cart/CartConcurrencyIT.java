package io.tienda.cart.cart;

import io.tienda.cart.support.CartIT;
import io.tienda.cart.support.FakeCatalog;
import io.tienda.platform.testing.http.ApiReply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two devices of one shopper write the same cart at once: no update is lost. */
class CartConcurrencyIT extends CartIT {

    @Test
    void twoHundredConcurrentAddsFromTwoDevicesLoseNothing() throws Exception {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String sku = FakeCatalog.newSku("RACE" + i);
            catalog.sell(sku, 100 + i);
            skus.add(sku);
        }
        Shopper ana = customer();
        Shopper phone = ana;
        Shopper laptop = ana.withoutCartToken();
        ExecutorService phoneThreads = Executors.newFixedThreadPool(16);
        ExecutorService laptopThreads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiReply>> replies = new ArrayList<>();
        Map<String, Integer> expected = new HashMap<>();
        try {
            for (int i = 0; i < 200; i++) {
                String sku = skus.get(i % skus.size());
                int quantity = 1 + (i / 4) % 2;
                expected.merge(sku, quantity, Integer::sum);
                Shopper device = i % 2 == 0 ? phone : laptop;
                ExecutorService threads = i % 2 == 0 ? phoneThreads : laptopThreads;
                replies.add(threads.submit(() -> {
                    start.await();
                    return device.add(sku, quantity);
                }));
            }
            start.countDown();
            for (Future<ApiReply> reply : replies) {
                reply.get(120, TimeUnit.SECONDS).expect(200);
            }
        } finally {
            phoneThreads.shutdownNow();
            laptopThreads.shutdownNow();
        }

        assertThat(expected.values()).allMatch(q -> q <= 99);
        assertThat(ana.quantities()).isEqualTo(expected);
        assertThat(redis.opsForHash().get("cart:{u:" + ana.id() + "}:meta", "version")).isEqualTo("200");
    }
}
