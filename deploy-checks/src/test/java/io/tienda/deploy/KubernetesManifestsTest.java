package io.tienda.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both overlays, rendered by {@code kubectl kustomize}, against the fleet's hardening rules. Every
 * rule reports all offenders at once (soft assertions), named by overlay and workload.
 */
class KubernetesManifestsTest {

    static final List<String> OVERLAYS = List.of("local", "production");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    /** Environment variables whose values are credentials: they may only come from a Secret. */
    static final Pattern SENSITIVE = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|ENCRYPTION_KEY|API_KEY|MONGODB_URI).*");

    /** user:password@ inside a URI. */
    static final Pattern CREDENTIALS_IN_URI = Pattern.compile("://[^/\\s:@]+:[^@\\s]+@");

    static Stream<Manifests> overlays() {
        return OVERLAYS.stream().map(overlay -> RENDERED.computeIfAbsent(overlay, Manifests::render));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyModuleIsADeploymentWithAService(Manifests k8s) {
        assertThat(k8s.deployments()).extracting(d -> d.getMetadata().getName())
            .containsExactlyInAnyOrderElementsOf(Fleet.ALL.stream().map(Fleet::name).toList());
        SoftAssertions soft = new SoftAssertions();
        for (Deployment deployment : k8s.deployments()) {
            String name = deployment.getMetadata().getName();
            Fleet module = Fleet.byName(name).orElseThrow();
            soft.assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .as("%s/%s selector", k8s, name).containsEntry("app.kubernetes.io/name", name);
            Service service = k8s.named(Service.class, name).orElse(null);
            soft.assertThat(service).as("%s: Service %s", k8s, name).isNotNull();
            if (service != null) {
                soft.assertThat(service.getSpec().getSelector()).as("%s: Service %s selector", k8s, name)
                    .isEqualTo(Map.of("app.kubernetes.io/name", name));
                soft.assertThat(service.getSpec().getPorts()).as("%s: Service %s ports", k8s, name)
                    .anyMatch(port -> port.getPort() == module.port());
            }
            soft.assertThat(Manifests.container(deployment).getPorts()).extracting(ContainerPort::getContainerPort)
                .as("%s/%s container ports", k8s, name).contains(module.port(), module.managementPort());
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void probesAskTheActuatorHealthGroupsOnTheManagementPort(Manifests k8s) {
        SoftAssertions soft = new SoftAssertions();
        for (Deployment deployment : k8s.deployments()) {
            String name = deployment.getMetadata().getName();
            Container container = Manifests.container(deployment);
            int management = Fleet.byName(name).orElseThrow().managementPort();
            probe(soft, k8s, name, "readiness", container, container.getReadinessProbe(), "/actuator/health/readiness",
                    management);
            probe(soft, k8s, name, "liveness", container, container.getLivenessProbe(), "/actuator/health/liveness",
                    management);
            env(container, "MANAGEMENT_SERVER_PORT").ifPresent(port -> soft.assertThat(port.getValue())
                .as("%s/%s MANAGEMENT_SERVER_PORT", k8s, name).isEqualTo(String.valueOf(management)));
        }
        soft.assertAll();
    }

    private static void probe(SoftAssertions soft, Manifests k8s, String name, String kind, Container container,
            Probe probe, String path, int managementPort) {
        soft.assertThat(probe).as("%s/%s %s probe", k8s, name, kind).isNotNull();
        if (probe == null) {
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        soft.assertThat(get).as("%s/%s %s probe is an HTTP GET", k8s, name, kind).isNotNull();
        if (get == null) {
            return;
        }
        soft.assertThat(get.getPath()).as("%s/%s %s probe path", k8s, name, kind).isEqualTo(path);
        Integer port = get.getPort().getIntVal() != null ? get.getPort().getIntVal()
                : container.getPorts().stream().filter(p -> get.getPort().getStrVal().equals(p.getName()))
                    .map(ContainerPort::getContainerPort).findFirst().orElse(null);
        soft.assertThat(port).as("%s/%s %s probe port (the management port)", k8s, name, kind)
            .isEqualTo(managementPort);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerHasRequestsAndLimits(Manifests k8s) {
        SoftAssertions soft = new SoftAssertions();
        for (Deployment deployment : k8s.deployments()) {
            var resources = Manifests.container(deployment).getResources();
            String name = deployment.getMetadata().getName();
            soft.assertThat(resources.getRequests()).as("%s/%s requests", k8s, name).containsKeys("cpu", "memory");
            soft.assertThat(resources.getLimits()).as("%s/%s limits", k8s, name).containsKeys("cpu", "memory");
            if (resources.getRequests().containsKey("memory") && resources.getLimits().containsKey("memory")) {
                soft.assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")))
                    .as("%s/%s memory limit >= request", k8s, name)
                    .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(resources.getRequests().get("memory")));
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void podsRunHardenedAsTheImagesUser(Manifests k8s) {
        SoftAssertions soft = new SoftAssertions();
        for (Deployment deployment : k8s.deployments()) {
            String name = k8s + "/" + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podContext = pod.getSecurityContext();
            SecurityContext context = Manifests.container(deployment).getSecurityContext();
            soft.assertThat(context).as("%s container securityContext", name).isNotNull();
            if (context == null) {
                continue;
            }
            boolean nonRoot = Boolean.TRUE.equals(context.getRunAsNonRoot())
                    || podContext != null && Boolean.TRUE.equals(podContext.getRunAsNonRoot());
            Long user = context.getRunAsUser() != null ? context.getRunAsUser()
                    : podContext == null ? null : podContext.getRunAsUser();
            String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                    : podContext == null || podContext.getSeccompProfile() == null ? null
                            : podContext.getSeccompProfile().getType();
            soft.assertThat(nonRoot).as("%s runAsNonRoot", name).isTrue();
            soft.assertThat(user).as("%s runAsUser (the images' uid)", name).isEqualTo(10001L);
            soft.assertThat(seccomp).as("%s seccompProfile", name).isEqualTo("RuntimeDefault");
            soft.assertThat(context.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", name).isFalse();
            soft.assertThat(context.getPrivileged()).as("%s privileged", name).isNotEqualTo(Boolean.TRUE);
            soft.assertThat(context.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", name).isTrue();
            soft.assertThat(context.getCapabilities() == null ? List.of() : context.getCapabilities().getDrop())
                .as("%s capabilities.drop", name).contains("ALL");
            soft.assertThat(context.getCapabilities() == null ? List.of() : context.getCapabilities().getAdd())
                .as("%s capabilities.add", name).isNullOrEmpty();
            soft.assertThat(pod.getHostNetwork()).as("%s hostNetwork", name).isNotEqualTo(Boolean.TRUE);
            soft.assertThat(pod.getAutomountServiceAccountToken()).as("%s automountServiceAccountToken", name)
                .isFalse();
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theRootFilesystemIsReadOnlySoWritesGoToEmptyDirs(Manifests k8s) {
        SoftAssertions soft = new SoftAssertions();
        for (Deployment deployment : k8s.deployments()) {
            String name = deployment.getMetadata().getName();
            Container container = Manifests.container(deployment);
            soft.assertThat(emptyDirAt(deployment, "/tmp")).as("%s/%s: /tmp on an emptyDir", k8s, name).isTrue();
            if (name.equals("product-service")) {
                String indexDir = env(container, "TIENDA_SEARCH_INDEX_DIR").map(EnvVar::getValue).orElse(null);
                soft.assertThat(indexDir).as("%s/%s TIENDA_SEARCH_INDEX_DIR", k8s, name).isNotBlank();
                if (indexDir != null) {
                    soft.assertThat(emptyDirAt(deployment, indexDir))
                        .as("%s/%s: the search index %s on an emptyDir", k8s, name, indexDir).isTrue();
                }
            }
        }
        soft.assertAll();
    }

    private static boolean emptyDirAt(Deployment deployment, String path) {
        List<Volume> volumes = deployment.getSpec().getTemplate().getSpec().getVolumes();
        for (VolumeMount mount : Manifests.container(deployment).getVolumeMounts()) {
            if (path.equals(mount.getMountPath()) || path.startsWith(mount.getMountPath() + "/")) {
                return volumes.stream().anyMatch(volume -> volume.getName().equals(mount.getName())
                        && volume.getEmptyDir() != null);
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void imagesArePinnedToATag(Manifests k8s) {
        SoftAssertions soft = new SoftAssertions();
        for (Deployment deployment : k8s.deployments()) {
            String image = Manifests.container(deployment).getImage();
            String name = deployment.getMetadata().getName();
            String lastPart = image.substring(image.lastIndexOf('/') + 1);
            soft.assertThat(lastPart).as("%s/%s image %s has a tag or digest", k8s, name, image).containsAnyOf(":", "@");
            soft.assertThat(image).as("%s/%s image", k8s, name).doesNotEndWith(":latest");
            soft.assertThat(lastPart).as("%s/%s image is the module's", k8s, name).startsWith(name);
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void secretsAreOnlyReferenced(Manifests k8s) {
        assertThat(k8s.all(Secret.class)).as("%s renders no Secret: k8s/secret.example.yaml documents them", k8s)
            .isEmpty();
        SoftAssertions soft = new SoftAssertions();
        for (Deployment deployment : k8s.deployments()) {
            String name = deployment.getMetadata().getName();
            for (EnvVar variable : Manifests.container(deployment).getEnv()) {
                if (SENSITIVE.matcher(variable.getName()).matches()) {
                    soft.assertThat(variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef())
                        .as("%s/%s %s comes from a Secret", k8s, name, variable.getName()).isNotNull();
                }
                if (variable.getValue() != null) {
                    soft.assertThat(CREDENTIALS_IN_URI.matcher(variable.getValue()).find())
                        .as("%s/%s %s carries credentials inline", k8s, name, variable.getName()).isFalse();
                }
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    soft.assertThat(variable.getValueFrom().getSecretKeyRef().getName())
                        .as("%s/%s %s: each workload reads its own Secret", k8s, name, variable.getName())
                        .isEqualTo(name + "-secrets");
                }
            }
        }
        for (var configMap : k8s.all(io.fabric8.kubernetes.api.model.ConfigMap.class)) {
            configMap.getData().forEach((key, value) -> {
                soft.assertThat(SENSITIVE.matcher(key).matches())
                    .as("%s: ConfigMap %s key %s looks like a secret", k8s, configMap.getMetadata().getName(), key)
                    .isFalse();
                soft.assertThat(CREDENTIALS_IN_URI.matcher(value).find())
                    .as("%s: ConfigMap %s key %s carries credentials", k8s, configMap.getMetadata().getName(), key)
                    .isFalse();
            });
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyWorkloadHasADisruptionBudget(Manifests k8s) {
        SoftAssertions soft = new SoftAssertions();
        List<PodDisruptionBudget> budgets = k8s.all(PodDisruptionBudget.class);
        for (Deployment deployment : k8s.deployments()) {
            String name = deployment.getMetadata().getName();
            List<PodDisruptionBudget> covering = budgets.stream()
                .filter(pdb -> NetworkPolicies.matches(pdb.getSpec().getSelector(), Manifests.podLabels(deployment)))
                .toList();
            soft.assertThat(covering).as("%s/%s PodDisruptionBudget", k8s, name).hasSize(1);
            covering.forEach(pdb -> soft.assertThat(pdb.getSpec().getMaxUnavailable() != null
                    || pdb.getSpec().getMinAvailable() != null).as("%s/%s PDB sets a bound", k8s, name).isTrue());
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theHotPathAutoscales(Manifests k8s) {
        List<HorizontalPodAutoscaler> hpas = k8s.all(HorizontalPodAutoscaler.class);
        assertThat(hpas).extracting(hpa -> hpa.getSpec().getScaleTargetRef().getName())
            .containsExactlyInAnyOrderElementsOf(Fleet.AUTOSCALED);
        for (HorizontalPodAutoscaler hpa : hpas) {
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getMaxReplicas()).as("%s/%s", k8s, hpa.getMetadata().getName())
                .isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
            assertThat(hpa.getSpec().getMetrics()).as("%s/%s metrics", k8s, hpa.getMetadata().getName()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everythingIsDeniedUnlessAllowed(Manifests k8s) {
        List<NetworkPolicy> policies = k8s.all(NetworkPolicy.class);
        assertThat(policies).as("%s: a default-deny policy for both directions", k8s).anyMatch(policy ->
                selectsEveryPod(policy)
                        && policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                        && policy.getSpec().getIngress().isEmpty() && policy.getSpec().getEgress().isEmpty());
        assertThat(policies).as("%s: every policy declares its policyTypes", k8s)
            .allMatch(policy -> !policy.getSpec().getPolicyTypes().isEmpty());
        assertThat(policies).as("%s: DNS for every pod", k8s).anyMatch(policy ->
                selectsEveryPod(policy)
                        && policy.getSpec().getEgress().stream().anyMatch(rule -> rule.getPorts().stream()
                            .anyMatch(port -> Integer.valueOf(53).equals(port.getPort().getIntVal()))));
    }

    private static boolean selectsEveryPod(NetworkPolicy policy) {
        var selector = policy.getSpec().getPodSelector();
        return selector == null || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void networkPoliciesAllowTheFleetsEdgesAndNoOthers(Manifests k8s) {
        NetworkPolicies network = new NetworkPolicies(k8s.all(NetworkPolicy.class));
        Map<String, Deployment> byName = new java.util.HashMap<>();
        k8s.deployments().forEach(deployment -> byName.put(deployment.getMetadata().getName(), deployment));
        SoftAssertions soft = new SoftAssertions();
        List<String> allowed = new ArrayList<>();
        for (Fleet from : Fleet.ALL) {
            for (Fleet to : Fleet.ALL) {
                if (from.equals(to)) {
                    continue;
                }
                boolean expected = expectedEdge(from, to);
                boolean actual = network.allows(byName.get(from.name()), byName.get(to.name()), to.port());
                soft.assertThat(actual).as("%s: %s -> %s:%d", k8s, from.name(), to.name(), to.port())
                    .isEqualTo(expected);
                if (actual) {
                    allowed.add(from.name() + "->" + to.name());
                }
            }
        }
        for (Fleet module : Fleet.ALL) {
            Deployment deployment = byName.get(module.name());
            for (String store : module.stores()) {
                soft.assertThat(network.allowsExternalEgress(deployment, Fleet.STORE_PORTS.get(store)))
                    .as("%s: %s -> %s", k8s, module.name(), store).isTrue();
            }
            for (var store : Fleet.STORE_PORTS.entrySet()) {
                if (!module.stores().contains(store.getKey())) {
                    soft.assertThat(network.allowsExternalEgress(deployment, store.getValue()))
                        .as("%s: %s must not reach %s", k8s, module.name(), store.getKey()).isFalse();
                }
            }
            if (!module.name().equals("discovery")) {
                soft.assertThat(network.allowsExternalEgress(deployment, 4318))
                    .as("%s: %s -> otel-collector", k8s, module.name()).isTrue();
            }
        }
        Deployment gateway = byName.get("gateway");
        soft.assertThat(network.selecting(Manifests.podLabels(gateway), "Ingress").stream()
                .flatMap(policy -> policy.getSpec().getIngress().stream())
                .anyMatch(rule -> rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() != null)))
            .as("%s: the ingress controller's namespace reaches the gateway", k8s).isTrue();
        for (Fleet module : Fleet.ALL) {
            if (module.name().equals("gateway")) {
                continue;
            }
            soft.assertThat(network.selecting(Manifests.podLabels(byName.get(module.name())), "Ingress").stream()
                    .flatMap(policy -> policy.getSpec().getIngress().stream())
                    .flatMap(rule -> rule.getFrom().stream())
                    .filter(peer -> peer.getNamespaceSelector() != null)
                    .allMatch(peer -> "monitoring".equals(peer.getNamespaceSelector().getMatchLabels()
                        .get("kubernetes.io/metadata.name"))))
                .as("%s: only Prometheus reaches %s from another namespace", k8s, module.name()).isTrue();
        }
        soft.assertAll();
    }

    /** The fleet's real edges: the gateway's routes, the REST calls, the registry, the JWKS. */
    private static boolean expectedEdge(Fleet from, Fleet to) {
        if (from.name().equals("discovery")) {
            return false;
        }
        if (to.name().equals("discovery") || to.name().equals("user-service")) {
            return true;
        }
        if (from.name().equals("gateway")) {
            return to.isService();
        }
        return Fleet.CALLS.getOrDefault(from.name(), Set.of()).contains(to.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theSmtpRelaysPortIsTheOneThePolicyLetsOut(Manifests k8s) {
        List<String> ports = k8s.all(io.fabric8.kubernetes.api.model.ConfigMap.class).stream()
            .map(configMap -> configMap.getData().get("smtp-port")).filter(java.util.Objects::nonNull).toList();
        assertThat(ports).as("%s: the smtp-port setting", k8s).hasSize(1);
        Deployment notification = k8s.named(Deployment.class, "notification-service").orElseThrow();
        assertThat(new NetworkPolicies(k8s.all(NetworkPolicy.class))
                .allowsExternalEgress(notification, Integer.parseInt(ports.get(0))))
            .as("%s: notification-service may reach the relay on smtp-port %s (NetworkPolicy smtp-clients)", k8s,
                    ports.get(0))
            .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheGatewaysApiIsExposed(Manifests k8s) {
        List<Ingress> ingresses = k8s.all(Ingress.class);
        assertThat(ingresses).as("%s ingresses", k8s).hasSize(1);
        Ingress ingress = ingresses.get(0);
        assertThat(ingress.getSpec().getDefaultBackend()).isNull();
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream()
            .map(IngressRule::getHttp).flatMap(http -> http.getPaths().stream()).toList();
        assertThat(paths).isNotEmpty().allSatisfy(path -> {
            assertThat(path.getBackend().getService().getName()).isEqualTo("gateway");
            assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
        });
        Service gateway = k8s.named(Service.class, "gateway").orElseThrow();
        assertThat(gateway.getSpec().getPorts()).filteredOn(port -> "http".equals(port.getName()))
            .singleElement().satisfies(port -> assertThat(port.getPort()).isEqualTo(8080));
        assertThat(k8s.all(Service.class)).as("%s: no Service is exposed outside the cluster", k8s)
            .allMatch(service -> Set.of("ClusterIP", "ExternalName").contains(service.getSpec().getType()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theStoresAreExternalServices(Manifests k8s) {
        SoftAssertions soft = new SoftAssertions();
        for (String store : List.of("postgres", "mongo", "redis", "kafka", "clickhouse", "smtp", "otel-collector")) {
            Service service = k8s.named(Service.class, store).orElse(null);
            soft.assertThat(service).as("%s: Service %s", k8s, store).isNotNull();
            if (service != null) {
                soft.assertThat(service.getSpec().getType()).as("%s: %s type", k8s, store).isEqualTo("ExternalName");
                soft.assertThat(service.getSpec().getExternalName()).as("%s: %s externalName", k8s, store).isNotBlank();
            }
        }
        soft.assertThat(k8s.all(io.fabric8.kubernetes.api.model.ConfigMap.class).stream()
                .flatMap(configMap -> configMap.getData().entrySet().stream())
                .filter(entry -> entry.getKey().equals("TIENDA_OTLP_ENABLED")))
            .as("%s: OTLP export on", k8s).singleElement().satisfies(entry -> assertThat(entry.getValue()).isEqualTo("true"));
        soft.assertAll();
    }

    @Test
    void productionRunsMoreAndLargerPodsThanLocal() {
        Manifests local = RENDERED.computeIfAbsent("local", Manifests::render);
        Manifests production = RENDERED.computeIfAbsent("production", Manifests::render);
        SoftAssertions soft = new SoftAssertions();
        for (Deployment deployment : local.deployments()) {
            String name = deployment.getMetadata().getName();
            Deployment prod = production.named(Deployment.class, name).orElseThrow();
            soft.assertThat(deployment.getSpec().getReplicas()).as("local/%s replicas", name).isEqualTo(1);
            if (!name.equals("discovery")) {
                soft.assertThat(prod.getSpec().getReplicas()).as("production/%s replicas", name).isGreaterThanOrEqualTo(2);
            }
            soft.assertThat(Quantity.getAmountInBytes(Manifests.container(prod).getResources().getLimits().get("memory")))
                .as("%s memory limit, production above local", name)
                .isGreaterThan(Quantity.getAmountInBytes(
                        Manifests.container(deployment).getResources().getLimits().get("memory")));
            soft.assertThat(Manifests.container(prod).getImage()).as("production/%s image from a registry", name)
                .contains("/tienda/" + name + ":");
        }
        soft.assertAll();
    }

    /**
     * Production pays through Stripe: a payment-service pod without the Stripe key or webhook secret is not
     * created, instead of starting without payments or refusing every webhook. Locally both stay optional
     * (the simulated provider needs neither).
     */
    @Test
    void productionRequiresBothStripeSecretsWhereLocalDoesNot() {
        Manifests production = RENDERED.computeIfAbsent("production", Manifests::render);
        Manifests local = RENDERED.computeIfAbsent("local", Manifests::render);
        SoftAssertions soft = new SoftAssertions();
        for (String variable : List.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET")) {
            var required = env(Manifests.container(production.named(Deployment.class, "payment-service").orElseThrow()),
                    variable).orElseThrow().getValueFrom().getSecretKeyRef();
            soft.assertThat(required.getOptional()).as("production %s optional", variable).isFalse();
            soft.assertThat(required.getName()).as("production %s secret", variable).isEqualTo("payment-service-secrets");
            var optional = env(Manifests.container(local.named(Deployment.class, "payment-service").orElseThrow()),
                    variable).orElseThrow().getValueFrom().getSecretKeyRef();
            soft.assertThat(optional.getOptional()).as("local %s optional", variable).isTrue();
        }
        soft.assertThat(production.all(io.fabric8.kubernetes.api.model.ConfigMap.class).stream()
                .flatMap(configMap -> configMap.getData().entrySet().stream())
                .filter(entry -> entry.getKey().equals("payments-provider")).map(Map.Entry::getValue))
            .as("production pays through Stripe").containsOnly("stripe");
        soft.assertAll();
    }

    private static java.util.Optional<EnvVar> env(Container container, String name) {
        return container.getEnv().stream().filter(variable -> variable.getName().equals(name)).findFirst();
    }
}
