package io.tienda.gateway.routing;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Headers the gateway itself puts on every proxied request, in place of whatever the client sent
 * under the same names. {@link ProxiedHeadersFilter} copies the request's headers once, leaving out
 * each name some {@code ProxiedHeaders} {@link #replaces replaces}, then lets each {@link #write}.
 */
public interface ProxiedHeaders {

    /** Whether a client's header of this name (in any case) is left behind. */
    boolean replaces(String name);

    /** Writes this part's headers into the proxied request's headers. */
    void write(HttpHeaders proxied, ServerWebExchange exchange);
}
