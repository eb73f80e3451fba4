package io.tienda.gateway.clientip;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

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
    private static final String ATTRIBUTE = ClientIpResolver.class.getName() + ".client";
    private static final String UNKNOWN = "unknown";

    private final List<AddressRange> trustedProxies;

    ClientIpResolver(ClientIpProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream().map(AddressRange::parse).toList();
    }

    /**
     * The client's address in its one spelling ({@link IpLiteral#format}), worked out once per
     * request: the rate limit, the proxied headers and the access log all ask for it.
     */
    public String resolve(ServerWebExchange exchange) {
        String client = exchange.getAttribute(ATTRIBUTE);
        if (client == null) {
            client = resolve(exchange.getRequest());
            exchange.getAttributes().put(ATTRIBUTE, client);
        }
        return client;
    }

    String resolve(ServerHttpRequest request) {
        byte[] peer = peer(request);
        return peer == null ? UNKNOWN : IpLiteral.format(client(peer, request));
    }

    private byte[] client(byte[] peer, ServerHttpRequest request) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = forwardedFor(request);
        byte[] client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] address = IpLiteral.parse(hops.get(i));
            if (address == null) {
                // Our own proxy would not write this; nothing left of it can be believed either.
                return peer;
            }
            client = address;
            if (!isTrusted(address)) {
                break;
            }
        }
        // Every hop one of our proxies: the farthest of them is the client.
        return client;
    }

    boolean isTrustedPeer(ServerHttpRequest request) {
        byte[] peer = peer(request);
        return peer != null && isTrusted(peer);
    }

    private boolean isTrusted(byte[] address) {
        for (AddressRange proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The TCP peer's bytes, so that it is written like a forwarded address ({@link InetAddress#getHostAddress}
     * writes {@code 0:0:0:0:0:0:0:1}, with a zone id if it has one); an IPv4 peer reported as
     * IPv4-mapped IPv6 is matched and written as IPv4.
     */
    private static byte[] peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        return address == null ? null : IpLiteral.unmapped(address.getAddress());
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
