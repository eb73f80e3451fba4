package io.tienda.payment.support;

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
 * payment-service against real PostgreSQL and Kafka with the simulated provider. Every integration
 * test class uses exactly this, so they all share one application context. Tests isolate themselves
 * by new order ids, customers and keys, never by emptying tables.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tienda.payments.provider=simulated",
        // pm_card_timeout waits longer than this; two attempts keep the resilience tests short
        "tienda.payments.provider-timeout=1500ms",
        "tienda.payments.provider-attempts=2",
        "tienda.payments.stripe.webhook-secret=" + PaymentIT.WEBHOOK_SECRET,
        // tests run the sweeper themselves
        "tienda.payments.sweeper.interval=1h",
        // refunds of pm_card_refundFail fail this long after they succeeded
        "tienda.payments.simulated.refund-failure-delay=1s",
        "spring.datasource.hikari.maximum-pool-size=30"})
@AutoConfigureRestTestClient
@TiendaInfra(value = {Store.POSTGRES, Store.KAFKA}, database = "payments")
public @interface PaymentServiceTest {
}
