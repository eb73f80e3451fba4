package io.tienda.inventory.support;

import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * inventory-service against real PostgreSQL and Kafka. Every integration test class uses exactly
 * this, so they all share one application context (and one consumer of each topic). Tests isolate
 * themselves by unique SKUs, warehouse codes and order ids, never by emptying tables.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tienda.inventory.demo-stock.enabled=true",
        // Expiry tests wait for the sweeper; a short interval keeps them short.
        "tienda.inventory.reservations.sweep-interval=300ms",
        // Warehouse closes recompute a few dozen SKUs in several batches; tests complete a recompute
        // they leave half done themselves, so the sweeper must not do it behind their back.
        "tienda.inventory.warehouses.recompute-batch=20",
        "tienda.inventory.warehouses.recompute-sweep-interval=1h",
        // The concurrency tests run 200 checkouts at once, each in its own transaction on its own connection.
        "spring.datasource.hikari.maximum-pool-size=220",
        "spring.datasource.hikari.minimum-idle=5"})
@AutoConfigureRestTestClient
@TiendaInfra(value = {Store.POSTGRES, Store.KAFKA}, database = "inventory")
public @interface InventoryServiceTest {
}
