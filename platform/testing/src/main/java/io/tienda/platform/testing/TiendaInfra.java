package io.tienda.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wires a Spring test to real servers: each named store is started once per JVM (see {@link Infra}) and
 * the Spring properties that point at it are added with the highest precedence.
 *
 * <pre>
 * &#64;TiendaInfra(value = {Store.POSTGRES, Store.KAFKA}, database = "orders")
 * &#64;SpringBootTest
 * class CheckoutIT { ... }
 * </pre>
 *
 * Test classes with the same stores and database share one cached application context. Isolate
 * tests by database name, topic or key prefix rather than by new servers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface TiendaInfra {

    /** The servers to start and wire. */
    Store[] value();

    /**
     * The database (PostgreSQL, MongoDB, ClickHouse) the properties point at; created when missing.
     * Must be a plain identifier.
     */
    String database() default "tienda";

}
