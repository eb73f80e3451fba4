package io.tienda.platform.testing;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

class TiendaInfraContextCustomizerFactoryTest {

    private final TiendaInfraContextCustomizerFactory factory = new TiendaInfraContextCustomizerFactory();

    @Test
    void sameStoresAndDatabaseShareOneCachedContext() {
        ContextCustomizer first = factory.createContextCustomizer(OrdersA.class, List.of());
        ContextCustomizer second = factory.createContextCustomizer(OrdersB.class, List.of());

        assertThat(first).isNotNull().isEqualTo(second).hasSameHashCodeAs(second);
    }

    @Test
    void anotherDatabaseOrStoreSetGetsItsOwnContext() {
        ContextCustomizer orders = factory.createContextCustomizer(OrdersA.class, List.of());

        assertThat(orders).isNotEqualTo(factory.createContextCustomizer(Payments.class, List.of()))
            .isNotEqualTo(factory.createContextCustomizer(OrdersWithRedis.class, List.of()));
    }

    @Test
    void findsTheAnnotationOnAComposedAnnotation() {
        assertThat(factory.createContextCustomizer(Composed.class, List.of()))
            .isEqualTo(new TiendaInfraContextCustomizer(java.util.Set.of(Store.MONGODB), "products"));
    }

    @Test
    void ignoresTestsWithoutTheAnnotation() {
        assertThat(factory.createContextCustomizer(Plain.class, List.of())).isNull();
    }

    @TiendaInfra(value = { Store.POSTGRES, Store.KAFKA }, database = "orders")
    static class OrdersA {

    }

    @TiendaInfra(value = { Store.KAFKA, Store.POSTGRES, Store.KAFKA }, database = "orders")
    static class OrdersB {

    }

    @TiendaInfra(value = { Store.POSTGRES, Store.KAFKA }, database = "payments")
    static class Payments {

    }

    @TiendaInfra(value = { Store.POSTGRES, Store.KAFKA, Store.REDIS }, database = "orders")
    static class OrdersWithRedis {

    }

    @Retention(RetentionPolicy.RUNTIME)
    @TiendaInfra(value = Store.MONGODB, database = "products")
    @interface ProductStore {

    }

    @ProductStore
    static class Composed {

    }

    static class Plain {

    }

}
