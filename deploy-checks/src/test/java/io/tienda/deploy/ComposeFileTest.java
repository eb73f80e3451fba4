package io.tienda.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml: valid for Compose, healthy start order, no secret written in it. */
class ComposeFileTest {

    static final String COMPOSE_HINT = "apt-get install -y docker-compose (it validates without a Docker engine)";

    /**
     * Images with no shell and no HTTP client, so no healthcheck can run inside them. Nothing may
     * wait for them (depends_on would need service_healthy).
     */
    static final Map<String, String> NO_HEALTHCHECK = Map.of(
            "otel-collector", "distroless collector image",
            "jaeger", "distroless Jaeger image");

    /** A whole value that is only a reference to the environment, with at most an empty default. */
    static final Pattern REFERENCE = Pattern.compile("\\$\\{[A-Z0-9_]+(:?\\?[^}]*|:?-)?}");

    static final Pattern CREDENTIALS_IN_URI = Pattern.compile("://[^/\\s:@]+:([^@\\s]+)@");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() {
        // the raw file, before interpolation: what is written here, not what an .env file supplies
        Map<String, Object> compose = new Yaml().load(Repo.read("docker-compose.yml"));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void composeAcceptsTheFile() {
        Repo.Result result = Repo.run(COMPOSE_HINT, "docker-compose", "--env-file", "deploy/compose/.env.example",
                "config", "-q");
        assertThat(result.exitCode()).as("docker-compose config -q:%n%s", result.output()).isZero();
    }

    @Test
    void requiredSecretsFailLoudlyWhenMissing(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.env"));
        Repo.Result result = Repo.run(COMPOSE_HINT, "docker-compose", "--env-file", empty.toString(), "config", "-q");
        assertThat(result.exitCode()).as("config without an env file must refuse to run").isNotZero();
        assertThat(result.output()).contains("deploy/compose/.env");
    }

    @Test
    void runsTheWholeFleetAndItsStores() {
        Set<String> expected = new HashSet<>(Set.of("postgres", "mongo", "redis", "kafka", "clickhouse", "mailpit",
                "otel-collector", "prometheus", "alertmanager", "grafana"));
        Fleet.ALL.forEach(module -> expected.add(module.name()));
        assertThat(services.keySet()).containsAll(expected);
    }

    @Test
    void everyServiceHasAHealthcheckAndStartsAfterItsDependenciesAreHealthy() {
        SoftAssertions soft = new SoftAssertions();
        services.forEach((name, service) -> {
            Object healthcheck = service.get("healthcheck");
            if (NO_HEALTHCHECK.containsKey(name)) {
                soft.assertThat(healthcheck).as("%s (%s)", name, NO_HEALTHCHECK.get(name)).isNull();
            }
            else {
                soft.assertThat(healthcheck).as("%s healthcheck", name).isInstanceOf(Map.class);
                if (healthcheck instanceof Map<?, ?> check) {
                    soft.assertThat(check.get("test")).as("%s healthcheck test", name).isNotNull();
                    soft.assertThat(check.get("disable")).as("%s healthcheck disabled", name).isNotEqualTo(true);
                }
            }
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            soft.assertThat(dependsOn).as("%s depends_on in the long form (with conditions)", name)
                .isInstanceOf(Map.class);
            if (dependsOn instanceof Map<?, ?> dependencies) {
                dependencies.forEach((dependency, spec) -> {
                    soft.assertThat(spec).as("%s -> %s", name, dependency).isInstanceOf(Map.class);
                    if (spec instanceof Map<?, ?> condition) {
                        soft.assertThat(condition.get("condition")).as("%s -> %s condition", name, dependency)
                            .isEqualTo("service_healthy");
                    }
                    soft.assertThat(services).as("%s -> %s exists", name, dependency).containsKey((String) dependency);
                    soft.assertThat(NO_HEALTHCHECK).as("%s waits for %s, which cannot be healthy", name, dependency)
                        .doesNotContainKey((String) dependency);
                });
            }
        });
        soft.assertAll();
    }

    @Test
    void tiendaWaitsForItsOwnStores() {
        Map<String, String> storeServices = Map.of("postgres", "postgres", "mongo", "mongo", "redis", "redis",
                "kafka", "kafka", "clickhouse", "clickhouse", "smtp", "mailpit");
        SoftAssertions soft = new SoftAssertions();
        for (Fleet module : Fleet.ALL) {
            Map<String, Object> service = services.get(module.name());
            @SuppressWarnings("unchecked")
            Set<String> dependsOn = ((Map<String, Object>) service.getOrDefault("depends_on", Map.of())).keySet();
            for (String store : module.stores()) {
                soft.assertThat(dependsOn).as("%s waits for %s", module.name(), store)
                    .contains(storeServices.get(store));
            }
            if (!module.name().equals("discovery")) {
                soft.assertThat(dependsOn).as("%s waits for discovery", module.name()).contains("discovery");
            }
        }
        soft.assertAll();
    }

    @Test
    void noSecretIsWrittenInTheFile() {
        SoftAssertions soft = new SoftAssertions();
        services.forEach((name, service) -> environment(service).forEach((key, value) -> {
            // a URI is judged by its password part, below
            if (KubernetesManifestsTest.SENSITIVE.matcher(key).matches() && !value.isEmpty() && !value.contains("://")) {
                soft.assertThat(REFERENCE.matcher(value).matches())
                    .as("%s: %s=%s must be a ${VARIABLE} reference without a default", name, key, value).isTrue();
            }
            Matcher credentials = CREDENTIALS_IN_URI.matcher(value);
            while (credentials.find()) {
                soft.assertThat(REFERENCE.matcher(credentials.group(1)).matches())
                    .as("%s: the password in %s must be a ${VARIABLE} reference", name, key).isTrue();
            }
        }));
        soft.assertThat(Repo.path("deploy/compose/.gitignore")).as("the filled-in env file stays out of git").exists();
        soft.assertThat(Repo.read("deploy/compose/.gitignore")).contains(".env");
        soft.assertAll();
    }

    @Test
    void theFleetIsBuiltFromItsDockerfilesAndExportsTraces() {
        SoftAssertions soft = new SoftAssertions();
        for (Fleet module : Fleet.ALL) {
            Map<String, Object> service = services.get(module.name());
            Map<?, ?> build = (Map<?, ?>) service.get("build");
            soft.assertThat(build.get("context")).as("%s build context", module.name()).isEqualTo("./" + module.name());
            soft.assertThat(build.get("dockerfile")).as("%s image definition", module.name())
                .isEqualTo("../" + DockerfileLintTest.DOCKERFILE);
            Map<?, ?> args = (Map<?, ?>) build.get("args");
            soft.assertThat(String.valueOf(args.get("SERVICE"))).as("%s SERVICE", module.name()).isEqualTo(module.name());
            soft.assertThat(String.valueOf(args.get("PORT"))).as("%s PORT", module.name())
                .isEqualTo(String.valueOf(module.port()));
            if (module.managementPort() != module.port()) {
                soft.assertThat(String.valueOf(args.get("MANAGEMENT_PORT"))).as("%s MANAGEMENT_PORT", module.name())
                    .isEqualTo(String.valueOf(module.managementPort()));
            }
            Map<String, String> env = environment(service);
            soft.assertThat(env.get("SERVER_PORT")).as("%s SERVER_PORT", module.name())
                .isEqualTo(String.valueOf(module.port()));
            if (module.managementPort() != module.port()) {
                soft.assertThat(env.get("MANAGEMENT_SERVER_PORT")).as("%s MANAGEMENT_SERVER_PORT", module.name())
                    .isEqualTo(String.valueOf(module.managementPort()));
            }
            if (!module.name().equals("discovery")) {
                soft.assertThat(env.get("TIENDA_OTLP_ENABLED")).as("%s TIENDA_OTLP_ENABLED", module.name())
                    .isEqualTo("true");
                soft.assertThat(env.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"))
                    .as("%s OTLP endpoint", module.name()).startsWith("http://otel-collector:4318/");
            }
        }
        services.forEach((name, service) -> {
            String image = (String) service.get("image");
            soft.assertThat(image).as("%s image", name).isNotNull();
            if (image != null) {
                soft.assertThat(image).as("%s image tag", name).contains(":").doesNotEndWith(":latest");
            }
        });
        soft.assertAll();
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryManagementPort() {
        Map<String, Object> prometheus = new Yaml().load(Repo.read("deploy/compose/prometheus.yml"));
        Set<String> targets = new HashSet<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            if ("/actuator/prometheus".equals(job.get("metrics_path"))) {
                for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
                    targets.addAll((List<String>) group.get("targets"));
                }
            }
        }
        assertThat(targets).containsExactlyInAnyOrderElementsOf(
                Fleet.ALL.stream().map(module -> module.name() + ":" + module.managementPort()).toList());
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> variables.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        }
        else if (environment instanceof List<?> list) {
            for (String entry : (List<String>) list) {
                int equals = entry.indexOf('=');
                variables.put(equals < 0 ? entry : entry.substring(0, equals),
                        equals < 0 ? "" : entry.substring(equals + 1));
            }
        }
        return variables;
    }
}
