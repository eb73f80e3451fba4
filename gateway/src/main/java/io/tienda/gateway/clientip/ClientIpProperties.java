package io.tienda.gateway.clientip;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * @param trustedProxies addresses or CIDR ranges (e.g. {@code 10.0.0.0/8}) of the load balancers
 *                       in front of the gateway; only their X-Forwarded-For is believed. Empty
 *                       (the default) means the TCP peer is the client.
 */
@ConfigurationProperties("tienda.gateway")
record ClientIpProperties(List<String> trustedProxies) {

    ClientIpProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
