package io.tienda.user.auth.api;

import io.tienda.user.UsersProperties;
import io.tienda.user.auth.Client;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The client's IP address. The gateway replaces X-Forwarded-For with the one address it resolved,
 * so the header is believed only from a trusted proxy ({@code tienda.users.client-ip.trusted-proxies});
 * anyone else calling the service directly is identified by their TCP peer address. When a chain
 * arrives anyway, the last hop is taken: the one a trusted proxy added, not one the client wrote.
 */
@Component
class ClientIp {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> trustedProxies;

    ClientIp(UsersProperties properties) {
        this.trustedProxies = properties.clientIp().trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    Client of(HttpServletRequest request) {
        return new Client(ip(request), request.getHeader("User-Agent"));
    }

    String ip(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeader(X_FORWARDED_FOR);
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        return IP_LITERAL.matcher(last).matches() ? last : peer;
    }

    private boolean trusted(String address) {
        try {
            return trustedProxies.stream().anyMatch(matcher -> matcher.matches(address));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
