package io.tienda.cart.cart;

import io.micrometer.core.instrument.MeterRegistry;
import io.tienda.cart.support.CartIT;
import io.tienda.cart.support.FakeCatalog;
import io.tienda.platform.events.Topics;
import io.tienda.platform.testing.Infra;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka goes away: shoppers keep changing their carts, the events wait in Redis, and once Kafka is
 * back the sweep delivers them. Runs last because it stops the JVM's shared broker.
 */
@Order(Integer.MAX_VALUE)
class KafkaOutageIT extends CartIT {

    @Autowired
    CartEventRelay relay;

    @Autowired
    MeterRegistry meters;

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedWhenItIsBack() {
        String sku = FakeCatalog.newSku("OUTAGE");
        catalog.sell(sku, 999);
        Shopper ana = customer();
        String cartId = "u:" + ana.id();
        String outbox = "cart:{" + cartId + "}:outbox";

        Infra.kafka().stop();
        try {
            ana.add(sku, 2).expect(200);
            assertThat(ana.quantities()).containsExactly(Map.entry(sku, 2));
            // the relay tried in the background and gave up: the event is still pending
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofSeconds(6))
                    .until(() -> redis.opsForList().size(outbox) == 1);
            // what an operator sees meanwhile (the gauges read Redis at most every 5 s)
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(gauge("tienda.outbox.backlog")).isGreaterThanOrEqualTo(1);
                assertThat(gauge("tienda.outbox.oldest.age")).isPositive();
            });
        } finally {
            Infra.kafka().start();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            relay.sweep();
            return redis.opsForList().size(outbox) == 0;
        });
        assertThat(messages().await(Topics.CART_EVENTS, "cart.item_added", cartId, 1).get(0).json()
                .get("quantity").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(gauge("tienda.outbox.backlog")).isZero();
            assertThat(gauge("tienda.outbox.oldest.age")).isZero();
        });
    }

    private double gauge(String name) {
        return meters.get(name).tag("store", "redis").gauge().value();
    }
}
