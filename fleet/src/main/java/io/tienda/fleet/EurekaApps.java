package io.tienda.fleet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads Eureka's {@code GET /eureka/apps} answer (JSON). */
final class EurekaApps {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EurekaApps() {
    }

    /**
     * The ports of the instances that are UP. Matching by port rather than by application name keeps
     * the check independent of each service's {@code spring.application.name}. Eureka writes a single
     * application or instance as an object instead of a one-element array, so both shapes are read.
     */
    static Set<Integer> upPorts(String json) {
        Set<Integer> ports = new HashSet<>();
        JsonNode applications = JSON.readTree(json).path("applications").path("application");
        for (JsonNode application : elements(applications)) {
            for (JsonNode instance : elements(application.path("instance"))) {
                if ("UP".equals(instance.path("status").asString(""))) {
                    JsonNode port = instance.path("port");
                    int number = port.isObject() ? port.path("$").asInt(-1) : port.asInt(-1);
                    if (number > 0) {
                        ports.add(number);
                    }
                }
            }
        }
        return ports;
    }

    private static Iterable<JsonNode> elements(JsonNode node) {
        if (node.isArray()) {
            return node;
        }
        return node.isObject() ? List.of(node) : List.of();
    }

}
