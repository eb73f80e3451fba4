package io.tienda.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the deployment files must agree with: the modules, their ports and their stores, as in
 * DESIGN.md §2 and each service's application.yml.
 */
record Fleet(String name, int port, int managementPort, Set<String> stores) {

    static final List<Fleet> ALL = List.of(
            new Fleet("discovery", 8761, 8761, Set.of()),
            new Fleet("gateway", 8080, 8081, Set.of("redis")),
            new Fleet("product-service", 8001, 8001, Set.of("mongo", "kafka")),
            new Fleet("cart-service", 8002, 8002, Set.of("redis", "kafka")),
            new Fleet("order-service", 8003, 8003, Set.of("postgres", "kafka")),
            new Fleet("payment-service", 8004, 8004, Set.of("postgres", "kafka")),
            new Fleet("user-service", 8005, 8005, Set.of("postgres", "kafka")),
            new Fleet("inventory-service", 8006, 8006, Set.of("postgres", "kafka")),
            new Fleet("returns-service", 8007, 8007, Set.of("postgres", "kafka")),
            new Fleet("notification-service", 8008, 8008, Set.of("mongo", "smtp", "kafka")),
            new Fleet("analytics-service", 8009, 8009, Set.of("clickhouse", "kafka")));

    /** The port of each store as the services reach it. */
    static final Map<String, Integer> STORE_PORTS = Map.of("postgres", 5432, "mongo", 27017, "redis", 6379,
            "kafka", 9092, "clickhouse", 8123, "smtp", 587);

    /** Workloads the HPAs scale: the shopper's hot path. */
    static final Set<String> AUTOSCALED = Set.of("gateway", "product-service", "cart-service", "order-service");

    /** REST calls between services besides the gateway's routes (application.yml: tienda.*.catalog-url etc.). */
    static final Map<String, Set<String>> CALLS = Map.of(
            "cart-service", Set.of("product-service"),
            "order-service", Set.of("cart-service", "user-service"));

    static List<Fleet> services() {
        return ALL.stream().filter(Fleet::isService).toList();
    }

    static Optional<Fleet> byName(String name) {
        return ALL.stream().filter(module -> module.name.equals(name)).findFirst();
    }

    boolean isService() {
        return name.endsWith("-service");
    }

    /** The jar the module's build leaves in target/ and its Dockerfile copies. */
    String jar() {
        return name + "/target/" + name + ".jar";
    }
}
