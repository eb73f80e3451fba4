package io.tienda.fleet;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tienda.platform.testing.Store;

/** The fleet in start order: discovery first, the gateway next, then the services. */
final class Catalog {

    static final String DISCOVERY = "discovery";

    static final String GATEWAY = "gateway";

    /** The gateway's actuator port, as in the images and the manifests; never the public 8080. */
    static final int GATEWAY_MANAGEMENT_PORT = 8081;

    static final String PRODUCT = "product-service";

    static final String USER = "user-service";

    static final String INVENTORY = "inventory-service";

    static final String ANALYTICS = "analytics-service";

    static final String NOTIFICATION = "notification-service";

    /** Each service owns its database; the names match docs and k8s manifests. */
    static final List<ServiceSpec> ALL = List.of(
            ServiceSpec.of(DISCOVERY, 8761, Set.of(), null),
            ServiceSpec.of(GATEWAY, 8080, Set.of(Store.REDIS), null),
            ServiceSpec.of(PRODUCT, 8001, Set.of(Store.MONGODB), "products"),
            ServiceSpec.of("cart-service", 8002, Set.of(Store.REDIS), null),
            ServiceSpec.of("order-service", 8003, Set.of(Store.POSTGRES), "orders"),
            ServiceSpec.of("payment-service", 8004, Set.of(Store.POSTGRES), "payments"),
            ServiceSpec.of(USER, 8005, Set.of(Store.POSTGRES), "users"),
            ServiceSpec.of(INVENTORY, 8006, Set.of(Store.POSTGRES), "inventory"),
            ServiceSpec.of("returns-service", 8007, Set.of(Store.POSTGRES), "returns"),
            ServiceSpec.of(NOTIFICATION, 8008, Set.of(Store.MONGODB, Store.SMTP), "notifications"),
            ServiceSpec.of(ANALYTICS, 8009, Set.of(Store.CLICKHOUSE), "analytics"));

    private Catalog() {
    }

    static Optional<ServiceSpec> byName(String name) {
        return ALL.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    static List<String> names() {
        return ALL.stream().map(ServiceSpec::name).toList();
    }

    /** The PostgreSQL databases the fleet creates, one per service that uses PostgreSQL. */
    static List<String> postgresDatabases() {
        return ALL.stream()
            .filter(service -> service.stores().contains(Store.POSTGRES))
            .flatMap(service -> service.database().stream())
            .toList();
    }

}
