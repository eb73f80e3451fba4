package io.tienda.order.support;

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
 * order-service against real PostgreSQL and Kafka, with cart-service and user-service played by one
 * WireMock server ({@link OrderIT}). Every integration test uses it,
 * so they share one context and one consumer of the saga's replies. Tests isolate themselves by new
 * customers and order ids, never by emptying tables.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // the sweeper runs often, so a deadline a test moved into the past is acted on quickly
        "tienda.orders.saga.sweep-interval=300ms",
        // a down dependency is noticed fast
        "resilience4j.retry.configs.default.wait-duration=20ms"})
@AutoConfigureRestTestClient
@TiendaInfra(value = {Store.POSTGRES, Store.KAFKA}, database = "orders")
public @interface OrderServiceTest {
}
