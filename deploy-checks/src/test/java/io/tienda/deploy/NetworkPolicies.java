package io.tienda.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Answers "may pod A open a connection to port P of pod B in the same namespace?" the way the
 * NetworkPolicy API does: B's policies must admit it (ingress) and A's policies must let it out
 * (egress), whenever any policy selects the pod for that direction.
 */
final class NetworkPolicies {

    private final List<NetworkPolicy> policies;

    NetworkPolicies(List<NetworkPolicy> policies) {
        this.policies = policies;
    }

    boolean allows(Deployment from, Deployment to, int port) {
        Map<String, String> source = Manifests.podLabels(from);
        Map<String, String> target = Manifests.podLabels(to);
        List<ContainerPort> targetPorts = Manifests.container(to).getPorts();
        return egressAllowed(source, target, port, targetPorts) && ingressAllowed(source, target, port, targetPorts);
    }

    /** Egress from the pod to an address outside the cluster on this port (an ipBlock rule). */
    boolean allowsExternalEgress(Deployment from, int port) {
        Map<String, String> source = Manifests.podLabels(from);
        return selecting(source, "Egress").stream()
            .flatMap(policy -> policy.getSpec().getEgress().stream())
            .anyMatch(rule -> portMatches(rule.getPorts(), port, List.of())
                    && rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null
                            || peer.getNamespaceSelector() != null));
    }

    private boolean egressAllowed(Map<String, String> source, Map<String, String> target, int port,
            List<ContainerPort> targetPorts) {
        List<NetworkPolicy> selecting = selecting(source, "Egress");
        return selecting.stream()
            .flatMap(policy -> policy.getSpec().getEgress().stream())
            .anyMatch(rule -> portMatches(rule.getPorts(), port, targetPorts) && peersMatch(rule.getTo(), target));
    }

    private boolean ingressAllowed(Map<String, String> source, Map<String, String> target, int port,
            List<ContainerPort> targetPorts) {
        List<NetworkPolicy> selecting = selecting(target, "Ingress");
        return selecting.stream()
            .flatMap(policy -> policy.getSpec().getIngress().stream())
            .anyMatch(rule -> portMatches(rule.getPorts(), port, targetPorts) && peersMatch(rule.getFrom(), source));
    }

    List<NetworkPolicy> selecting(Map<String, String> pod, String direction) {
        return policies.stream()
            .filter(policy -> policy.getSpec().getPolicyTypes().contains(direction))
            .filter(policy -> matches(policy.getSpec().getPodSelector(), pod))
            .toList();
    }

    /** A peer without a namespace selector means this namespace, which is the only one compared here. */
    private static boolean peersMatch(List<NetworkPolicyPeer> peers, Map<String, String> pod) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream()
            .anyMatch(peer -> peer.getIpBlock() == null && peer.getNamespaceSelector() == null
                    && peer.getPodSelector() != null && matches(peer.getPodSelector(), pod));
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, int port, List<ContainerPort> targetPorts) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(rule -> {
            IntOrString value = rule.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() != null) {
                int end = rule.getEndPort() == null ? value.getIntVal() : rule.getEndPort();
                return port >= value.getIntVal() && port <= end;
            }
            return targetPorts.stream()
                .anyMatch(named -> Objects.equals(named.getName(), value.getStrVal())
                        && named.getContainerPort() == port);
        });
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        Map<String, String> matchLabels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        for (var entry : matchLabels.entrySet()) {
            if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        List<LabelSelectorRequirement> expressions =
                selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        for (LabelSelectorRequirement expression : expressions) {
            String value = labels.get(expression.getKey());
            boolean ok = switch (expression.getOperator()) {
                case "In" -> value != null && expression.getValues().contains(value);
                case "NotIn" -> value == null || !expression.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("operator " + expression.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
