package io.tienda.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment compose and the Kubernetes overlays give each module against what the module reads.
 * A misspelt variable is silently ignored by Spring Boot and the service runs on its local default
 * (localhost, a dev key, one Kafka replica); these checks turn that into a failed build.
 */
class EnvironmentBindingTest {

    /**
     * Variables of the environment every module shares (compose's {@code x-app-env}, the {@code tienda-common}
     * ConfigMap) that a module does not read, with the reason.
     */
    static final Map<String, Map<String, String>> IGNORED = Map.of(
            "gateway", Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", "the gateway has no Kafka client",
                    "TIENDA_KAFKA_REPLICAS", "the gateway creates no topics"));

    /** Settings only Kubernetes gives, with the reason compose does without them. */
    static final Map<String, String> KUBERNETES_ONLY = Map.ofEntries(
            Map.entry("POD_NAME", "the downward API's input to EUREKA_INSTANCE_INSTANCE_ID"),
            Map.entry("POD_IP", "the downward API's input to EUREKA_INSTANCE_IP_ADDRESS"),
            Map.entry("EUREKA_INSTANCE_PREFER_IP_ADDRESS", "replicas register by pod IP; compose runs one per name"),
            Map.entry("EUREKA_INSTANCE_IP_ADDRESS", "replicas register by pod IP"),
            Map.entry("EUREKA_INSTANCE_INSTANCE_ID", "replicas register under their pod name"),
            Map.entry("TIENDA_DISCOVERY_SELF_PRESERVATION", "on one Docker host the network cannot partition"),
            Map.entry("TIENDA_GATEWAY_TRUSTED_PROXIES", "compose publishes the gateway with no proxy in front"),
            Map.entry("SMTP_USERNAME", "compose's Mailpit takes mail without credentials"),
            Map.entry("SMTP_PASSWORD", "compose's Mailpit takes mail without credentials"),
            Map.entry("SMTP_STARTTLS", "compose's Mailpit offers no STARTTLS; the default applies"),
            Map.entry("SMTP_STARTTLS_REQUIRED", "compose's Mailpit offers no STARTTLS; the default applies"),
            Map.entry("SMTP_SSL", "compose's Mailpit speaks plain SMTP; the default applies"));

    /** Settings only compose gives, with the reason Kubernetes does without them. */
    static final Map<String, String> COMPOSE_ONLY = Map.of(
            "TIENDA_HOSTNAME", "registers under its compose service name; pods register by IP");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z0-9_]+)\\)");

    private static Map<String, Map<String, Object>> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() {
        Map<String, Object> file = new Yaml().load(Repo.read("docker-compose.yml"));
        compose = (Map<String, Map<String, Object>>) file.get("services");
    }

    @Test
    void everyVariableBindsToASettingOfItsModule() {
        SoftAssertions soft = new SoftAssertions();
        Map<String, Map<String, Set<String>>> sources = new LinkedHashMap<>();
        sources.put("docker-compose.yml", composeVariables());
        KubernetesManifestsTest.overlays().forEach(k8s -> sources.put("k8s " + k8s, kubernetesVariables(k8s)));
        for (Fleet module : Fleet.ALL) {
            ModuleSettings settings = ModuleSettings.of(module);
            Map<String, String> ignored = IGNORED.getOrDefault(module.name(), Map.of());
            sources.forEach((source, variables) -> {
                for (String variable : variables.getOrDefault(module.name(), Set.of())) {
                    if (ignored.containsKey(variable)) {
                        continue;
                    }
                    soft.assertThat(settings.binds(variable))
                        .as("%s: %s sets %s, which binds to no setting %s reads (misspelt? a placeholder "
                                + "or property that is gone? or %s older than the code: rebuild it)", source,
                                module.name(), variable, module.name(), module.jar())
                        .isTrue();
                }
            });
            ignored.forEach((variable, reason) -> soft.assertThat(settings.binds(variable))
                .as("%s now reads %s: drop it from EnvironmentBindingTest.IGNORED (%s)", module.name(), variable,
                        reason)
                .isFalse());
        }
        soft.assertAll();
    }

    @Test
    void composeAndKubernetesGiveEveryModuleTheSameSettings() {
        Map<String, Set<String>> composed = composeVariables();
        SoftAssertions soft = new SoftAssertions();
        KubernetesManifestsTest.overlays().forEach(k8s -> {
            Map<String, Set<String>> deployed = kubernetesVariables(k8s);
            for (Fleet module : Fleet.ALL) {
                Set<String> kubernetesOnly = new TreeSet<>(deployed.getOrDefault(module.name(), Set.of()));
                kubernetesOnly.removeAll(composed.getOrDefault(module.name(), Set.of()));
                kubernetesOnly.removeAll(KUBERNETES_ONLY.keySet());
                Set<String> composeOnly = new TreeSet<>(composed.getOrDefault(module.name(), Set.of()));
                composeOnly.removeAll(deployed.getOrDefault(module.name(), Set.of()));
                composeOnly.removeAll(COMPOSE_ONLY.keySet());
                soft.assertThat(kubernetesOnly)
                    .as("k8s %s: %s gets these, docker-compose.yml does not (or list the reason in "
                            + "EnvironmentBindingTest.KUBERNETES_ONLY)", k8s, module.name())
                    .isEmpty();
                soft.assertThat(composeOnly)
                    .as("k8s %s: docker-compose.yml gives %s these, the overlay does not (or list the reason in "
                            + "EnvironmentBindingTest.COMPOSE_ONLY)", k8s, module.name())
                    .isEmpty();
            }
        });
        soft.assertAll();
    }

    @Test
    void settingsNamesAreBoundTheWaySpringBootBindsThem() {
        assertThat(ModuleSettings.forms("tienda.inbox.retention")).contains("TIENDA_INBOX_RETENTION");
        assertThat(ModuleSettings.forms("eureka.instance.prefer-ip-address"))
            .containsExactlyInAnyOrder("EUREKA_INSTANCE_PREFERIPADDRESS", "EUREKA_INSTANCE_PREFER_IP_ADDRESS");
        assertThat(ModuleSettings.kebab("jwksUri")).isEqualTo("jwks-uri");
        ModuleSettings platform = ModuleSettings.of(Fleet.byName("order-service").orElseThrow());
        // a record component of the platform starter, a library property, a placeholder, a typo
        assertThat(platform.binds("TIENDA_INBOX_RETENTION")).isTrue();
        assertThat(platform.binds("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(platform.binds("DB_PASSWORD")).isTrue();
        assertThat(platform.binds("TIENDA_INBOX_RETENTON")).isFalse();
        assertThat(platform.binds("SPRING_DATASOURCE_PASWORD")).isFalse();
        // a nested component of a platform record, a module's own record, a list, a framework map, and a
        // variable of no setting at all
        assertThat(platform.binds("TIENDA_KAFKA_RETRY_ATTEMPTS")).isTrue();
        assertThat(ModuleSettings.of(Fleet.byName("product-service").orElseThrow()).binds("TIENDA_SEARCH_INDEX_DIR"))
            .isTrue();
        assertThat(ModuleSettings.of(Fleet.byName("gateway").orElseThrow()).binds("TIENDA_GATEWAY_TRUSTED_PROXIES"))
            .isTrue();
        assertThat(platform.binds("LOGGING_LEVEL_ORG_APACHE_KAFKA")).isTrue();
        assertThat(ModuleSettings.of(Fleet.byName("discovery").orElseThrow()).binds("POD_NAME")).isFalse();
    }

    /** Each module's variables in docker-compose.yml, the anchors it merges included. */
    static Map<String, Set<String>> composeVariables() {
        Map<String, Set<String>> variables = new HashMap<>();
        for (Fleet module : Fleet.ALL) {
            Map<String, Object> service = compose.get(module.name());
            if (service != null) {
                variables.put(module.name(), ComposeFileTest.environment(service).keySet());
            }
        }
        return variables;
    }

    /**
     * Each module's variables in one overlay: its container's env and the keys of the ConfigMaps it reads
     * whole (envFrom), less those only other variables refer to ({@code $(POD_IP)}).
     */
    static Map<String, Set<String>> kubernetesVariables(Manifests k8s) {
        Map<String, Set<String>> variables = new HashMap<>();
        for (Deployment deployment : k8s.deployments()) {
            Container container = Manifests.container(deployment);
            Set<String> names = new TreeSet<>();
            List<String> referenced = new ArrayList<>();
            for (EnvVar variable : container.getEnv()) {
                names.add(variable.getName());
                if (variable.getValue() != null) {
                    Matcher reference = REFERENCE.matcher(variable.getValue());
                    while (reference.find()) {
                        referenced.add(reference.group(1));
                    }
                }
            }
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    ConfigMap configMap = k8s.named(ConfigMap.class, source.getConfigMapRef().getName()).orElseThrow();
                    names.addAll(configMap.getData().keySet());
                }
            }
            referenced.forEach(names::remove);
            variables.put(deployment.getMetadata().getName(), names);
        }
        return variables;
    }
}
