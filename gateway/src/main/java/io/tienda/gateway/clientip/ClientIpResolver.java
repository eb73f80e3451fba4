package io.tienda.gateway.clientip;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is, for rate limits, logs and the services behind the gateway.
 * X-Forwarded-For is client-controlled, so it is read only when the TCP peer is one of the
 * configured proxies, and then from the nearest hop backwards: the first address that is not one
 * of our proxies is the client, whatever a client wrote further left.
 */
@Component
public class ClientIpResolver {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String UNKNOWN = "unknown";

    private final List<AddressRange> trustedProxies;

    ClientIpResolver(ClientIpProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream().map(AddressRange::parse).toList();
    }

    public String resolve(ServerHttpRequest request) {
        InetAddress peer = peer(request);
        if (peer == null) {
            return UNKNOWN;
        }
        if (!isTrusted(peer.getAddress())) {
            return peer.getHostAddress();
        }
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            byte[] address = IpLiteral.parse(hop);
            if (address == null) {
                // Our own proxy would not write this; nothing left of it can be believed either.
                return peer.getHostAddress();
            }
            if (!isTrusted(address)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer.getHostAddress() : hops.get(0);
    }

    boolean isTrustedPeer(ServerHttpRequest request) {
        InetAddress peer = peer(request);
        return peer != null && isTrusted(peer.getAddress());
    }

    private boolean isTrusted(byte[] address) {
        for (AddressRange proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static InetAddress peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? null : remote.getAddress();
    }

    private static List<String> forwardedFor(ServerHttpRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty(X_FORWARDED_FOR)) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }
}
