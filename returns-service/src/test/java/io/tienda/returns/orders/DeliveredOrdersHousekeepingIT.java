package io.tienda.returns.orders;

import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivered orders are forgotten once nobody can return them, unless a return names them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@TiendaInfra(value = {Store.POSTGRES, Store.KAFKA}, database = "returns")
class DeliveredOrdersHousekeepingIT {

    @Autowired
    DeliveredOrdersHousekeeping housekeeping;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ordersPastTheWindowAndItsGraceGoUnlessAReturnNamesThem() {
        Instant now = Instant.now();
        // window 30 days + 30 days' grace: delivered 61 days ago is past both, 59 days ago is not
        UUID forgotten = delivered(now.minus(Duration.ofDays(61)));
        UUID returned = delivered(now.minus(Duration.ofDays(90)));
        UUID recent = delivered(now.minus(Duration.ofDays(59)));
        jdbc.sql("""
                        insert into return_requests (id, order_id, customer_id, status, resolution, reason,
                                                     refund_amount, currency, idempotency_key, created_at, updated_at)
                        values (:id, :order, 'c-1', 'REFUNDED', 'REFUND', 'DAMAGED', 100, 'EUR', :key, :at, :at)""")
                .param("id", UUID.randomUUID()).param("order", returned).param("key", UUID.randomUUID().toString())
                .param("at", now.minus(Duration.ofDays(80)).atOffset(ZoneOffset.UTC)).update();

        housekeeping.forgetUnreturnable();

        assertThat(known(forgotten)).isZero();
        assertThat(jdbc.sql("select count(*) from delivered_order_lines where order_id = :id").param("id", forgotten)
                .query(Integer.class).single()).as("its lines go with it").isZero();
        assertThat(known(returned)).as("a return still needs it to be settled").isEqualTo(1);
        assertThat(known(recent)).isEqualTo(1);
        assertThat(housekeeping.forgetDeliveredBefore(now.minus(Duration.ofDays(60)))).as("nothing left to forget")
                .isZero();
    }

    private UUID delivered(Instant at) {
        UUID order = UUID.randomUUID();
        jdbc.sql("""
                        insert into delivered_orders (order_id, order_number, customer_id, currency, delivered_at)
                        values (:id, :number, 'c-1', 'EUR', :at)""")
                .param("id", order).param("number", "TND-2026-" + order.toString().substring(0, 6))
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("""
                        insert into delivered_order_lines (order_id, sku, product_id, name, quantity, unit_price, paid)
                        values (:id, 'MUG-1', 'p-mug', 'Taza', 1, 1250, 1250)""")
                .param("id", order).update();
        return order;
    }

    private int known(UUID order) {
        return jdbc.sql("select count(*) from delivered_orders where order_id = :id").param("id", order)
                .query(Integer.class).single();
    }
}
