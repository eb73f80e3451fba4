package io.tienda.fleet;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import io.tienda.platform.testing.Store;

/**
 * One JVM of the fleet.
 *
 * @param name the Maven module, which is also the jar's name
 * @param database the database in its store, if it has one
 */
record ServiceSpec(String name, int port, Set<Store> stores, Optional<String> database) {

    ServiceSpec {
        stores = Set.copyOf(stores);
    }

    static ServiceSpec of(String name, int port, Set<Store> stores, String database) {
        return new ServiceSpec(name, port, stores, Optional.ofNullable(database));
    }

    Path jar(Path root) {
        return root.resolve(name).resolve("target").resolve(name + ".jar");
    }

    boolean isDiscovery() {
        return name.equals(Catalog.DISCOVERY);
    }

    /** Everything but the registry itself must show up in the registry. */
    boolean registersWithDiscovery() {
        return !isDiscovery();
    }

    /**
     * Where its actuator (health, metrics) listens: the service port, except for the gateway, whose
     * actuator is kept off the public API port here as in every deployment.
     */
    int managementPort() {
        return name.equals(Catalog.GATEWAY) ? Catalog.GATEWAY_MANAGEMENT_PORT : port;
    }

    String url() {
        return "http://localhost:" + port + "/";
    }

}
