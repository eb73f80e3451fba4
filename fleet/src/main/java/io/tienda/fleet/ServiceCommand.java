package io.tienda.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line of one service JVM. */
final class ServiceCommand {

    /**
     * Eleven JVMs share two cores and must stay well under 6 GiB: a small serial-GC heap, small thread
     * stacks and bounded class metadata.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:MaxMetaspaceSize=192m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

    /** The services' JIT: C1 only, which starts fast and compiles little; their peak speed does not matter here. */
    static final List<String> QUICK_JIT = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m");

    /**
     * The gateway's JIT: C1 then C2, as a production JVM runs. Every request of the fleet crosses the
     * gateway, and once warm C2 spends about a third less CPU per proxied request than C1 (1.6-1.9 ms
     * against 2.5-2.7 ms, wrk at 32 connections in alternating rounds), for about 60 MB more memory.
     */
    static final List<String> PEAK_JIT = List.of("-XX:ReservedCodeCacheSize=96m");

    /**
     * The gateway's young generation: a proxied request leaves about 100 KB of short-lived objects
     * (Reactor operators, header maps, the exchange). With the default, a third of a 64 MB first heap,
     * it collected two or three times a second at 400 requests/s, 6 ms each; with 128 MB, every two
     * seconds or so, for about 100 MB more memory. Everything else is unchanged within the same 256 MB.
     */
    static final List<String> GATEWAY_HEAP = List.of("-Xms192m", "-Xmn128m");

    /** The account user-service makes an ADMIN on its first start, when both are set. */
    static final String ADMIN_EMAIL = "TIENDA_ADMIN_EMAIL";

    static final String ADMIN_PASSWORD = "TIENDA_ADMIN_PASSWORD";

    static final List<String> ADMIN_VARIABLES = List.of(ADMIN_EMAIL, ADMIN_PASSWORD);

    private ServiceCommand() {
    }

    /**
     * @param storeProperties where the service's stores and Kafka are (see {@code ServiceProperties})
     * @param extraJvmOptions e.g. from {@code TIENDA_JAVA_OPTS}, to attach a debugger
     */
    static List<String> of(ServiceSpec service, JavaRuntime java, Path jar, int discoveryPort,
            Map<String, String> storeProperties, String extraJvmOptions) {
        return of(service, java, jar, List.of(), properties(service, java, discoveryPort, storeProperties),
                extraJvmOptions);
    }

    /**
     * @param jvmOptions options for this start only, e.g. the AOT cache to use or to write
     * @param properties the service's properties, as {@link #properties} makes them
     */
    static List<String> of(ServiceSpec service, JavaRuntime java, Path jar, List<String> jvmOptions,
            Map<String, String> properties, String extraJvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(java.executable().toString());
        command.addAll(JVM_OPTIONS);
        if (service.name().equals(Catalog.GATEWAY)) {
            command.addAll(PEAK_JIT);
            command.addAll(GATEWAY_HEAP);
        } else {
            command.addAll(QUICK_JIT);
        }
        if (java.feature() >= 24) {
            // libraries (Netty, Kafka clients) still use sun.misc.Unsafe and JNI; Java 24+ warns on every start
            command.add("--sun-misc-unsafe-memory-access=allow");
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(jvmOptions);
        if (extraJvmOptions != null && !extraJvmOptions.isBlank()) {
            command.addAll(Arrays.asList(extraJvmOptions.trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        return command;
    }

    static Map<String, String> properties(ServiceSpec service, JavaRuntime java, int discoveryPort,
            Map<String, String> storeProperties) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", String.valueOf(service.port()));
        properties.put("eureka.client.service-url.defaultZone", "http://localhost:" + discoveryPort + "/eureka/");
        // every JVM runs here: register as localhost, whatever this machine's hostname resolves to
        properties.put("eureka.instance.hostname", "localhost");
        properties.put("management.endpoint.health.probes.enabled", "true");
        if (service.managementPort() != service.port()) {
            // said here rather than left to the service's default, because the launcher probes this port
            properties.put("management.server.port", String.valueOf(service.managementPort()));
        }
        if (service.isDiscovery()) {
            // the registry answers from a cache refreshed every 30 s; locally, new instances should show at once
            properties.put("eureka.server.use-read-only-response-cache", "false");
        }
        if (java.hasVirtualThreads()) {
            properties.put("spring.threads.virtual.enabled", "true");
        }
        properties.putAll(storeProperties);
        properties.putAll(localSettings(service));
        return properties;
    }

    /** Settings for running on one developer machine rather than in production; fleet/README.md says why. */
    static Map<String, String> localSettings(ServiceSpec service) {
        return switch (service.name()) {
            // system tests here speak for several clients at once through X-Forwarded-For
            case Catalog.GATEWAY -> Map.of("tienda.gateway.trusted-proxies", "127.0.0.1/32,::1/128");
            // the accounts of DemoAccounts, which up prints
            case Catalog.USER -> Map.of("tienda.users.demo-accounts.enabled", "true");
            // a shop to browse: the demo catalog, and stock for each SKU it announces
            case Catalog.PRODUCT -> Map.of("tienda.products.demo-catalog.enabled", "true");
            case Catalog.INVENTORY -> Map.of("tienda.inventory.demo-stock.enabled", "true");
            // low-stock alerts reach the demo manager's mailbox in the mail reader
            case Catalog.NOTIFICATION -> Map.of("tienda.notifications.staff-recipients", "manager@tienda.local");
            default -> Map.of();
        };
    }

    /**
     * The environment of a service JVM: the launcher's, except that the bootstrap admin's
     * credentials ({@link #ADMIN_VARIABLES}, when set) reach user-service only. They go in the
     * environment, never on the command line, which {@code ps} shows to everyone on the machine.
     */
    static Map<String, String> environment(ServiceSpec service, Map<String, String> launcher) {
        Map<String, String> environment = new LinkedHashMap<>(launcher);
        for (String name : ADMIN_VARIABLES) {
            String value = environment.get(name);
            if (!service.name().equals(Catalog.USER) || value == null || value.isBlank()) {
                environment.remove(name);
            }
        }
        return environment;
    }

}
