package io.tienda.cart.support;

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
 * cart-service against a real redis-server and Kafka broker, with product-service played by WireMock
 * ({@link FakeCatalog}) behind the discovery name {@code product-service}. Every integration test
 * class uses exactly this, so they share one application context; tests isolate themselves by unique
 * shoppers, guest tokens and SKUs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // sweeps run when a test says so, so that a test sees what is pending before it is sent
        "tienda.cart.outbox.sweep-interval=1h",
        // a down catalog is noticed fast
        "resilience4j.retry.configs.default.wait-duration=20ms"})
@AutoConfigureRestTestClient
@TiendaInfra({Store.REDIS, Store.KAFKA})
public @interface CartServiceTest {
}
