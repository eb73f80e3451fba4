package io.tienda.user.support;

import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * user-service against real PostgreSQL and Kafka, with a clock tests can move forward. Every
 * integration test class uses exactly this, so they all share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tienda.users.demo-accounts.enabled=true",
        "tienda.users.bootstrap-admin.email=" + UserServiceTest.BOOTSTRAP_ADMIN,
        "tienda.users.bootstrap-admin.password=" + UserServiceTest.BOOTSTRAP_PASSWORD,
        "tienda.users.password-reset.poll-interval=200ms",
        // The tests run housekeeping and key rotation themselves, so nothing races them.
        "tienda.users.maintenance.interval=1h",
        "tienda.users.keys.rotation-check-interval=1h"})
@AutoConfigureRestTestClient
@TiendaInfra(value = {Store.POSTGRES, Store.KAFKA}, database = "users")
@Import(MutableClock.Config.class)
public @interface UserServiceTest {

    String BOOTSTRAP_ADMIN = "root@tienda.test";
    String BOOTSTRAP_PASSWORD = "Vq7#tLm2!wZr-Boot";
}
