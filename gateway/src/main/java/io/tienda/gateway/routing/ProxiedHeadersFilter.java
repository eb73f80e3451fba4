package io.tienda.gateway.routing;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The headers a proxied request and its response carry, decided in one copy each way.
 *
 * <p>Requests: the client's headers without the hop-by-hop ones (those of RFC 9110 section 7.6.1,
 * and any the client's {@code Connection} names) and without any a {@link ProxiedHeaders} part
 * replaces (the forwarding headers, the request id, the trace context), then each part's own.
 * Responses ({@link Responses}): the service's headers without the hop-by-hop ones.
 *
 * <p>Spring Cloud Gateway brings a headers filter per concern (hop-by-hop, Forwarded, X-Forwarded-*),
 * and each copies every header of every request: with the gateway's own two that was five copies,
 * about 6 % of its CPU per request. {@link #withoutFrameworkCopies()} unregisters those three, whose
 * work this filter does; Spring Cloud Gateway's Forwarded and X-Forwarded filters stay off
 * ({@code spring.cloud.gateway.server.webflux.forwarded.enabled=false} and {@code x-forwarded.enabled=false}),
 * and its gRPC header filters are not created ({@code server.http2.enabled=false}). Its transfer-encoding
 * normalization stays: it copies only a request that has both a length and a chunked encoding.
 */
public class ProxiedHeadersFilter implements HttpHeadersFilter, Ordered {

    /** Spring Cloud Gateway's headers filters whose work this filter does, by bean name. */
    static final List<String> REPLACED_FRAMEWORK_FILTERS = List.of(
            "removeHopByHopHeadersFilter", "removeForwardedHeadersFilter", "removeXForwardedHeadersFilter");

    /** The hop-by-hop headers Spring Cloud Gateway removes, which this filter keeps removing. */
    private static final Set<String> HOP_BY_HOP = caseInsensitive(List.of(HttpHeaders.CONNECTION, "Keep-Alive",
            HttpHeaders.TE, HttpHeaders.TRAILER, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.UPGRADE,
            HttpHeaders.PROXY_AUTHORIZATION, HttpHeaders.PROXY_AUTHENTICATE, "X-Application-Context"));

    private final List<ProxiedHeaders> parts;

    public ProxiedHeadersFilter(List<ProxiedHeaders> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Takes Spring Cloud Gateway's hop-by-hop, Forwarded and X-Forwarded removal filters out of the context. */
    public static BeanDefinitionRegistryPostProcessor withoutFrameworkCopies() {
        return (BeanDefinitionRegistry registry) -> REPLACED_FRAMEWORK_FILTERS.stream()
                .filter(registry::containsBeanDefinition)
                .forEach(registry::removeBeanDefinition);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Set<String> named = namedByConnection(input);
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name) && (named == null || !named.contains(name)) && !replaced(name)) {
                headers.addAll(name, values);
            }
        });
        for (ProxiedHeaders part : parts) {
            part.write(headers, exchange);
        }
        return headers;
    }


    private boolean replaced(String name) {
        for (ProxiedHeaders part : parts) {
            if (part.replaces(name)) {
                return true;
            }
        }
        return false;
    }

    /** The headers the {@code Connection} header names as hop-by-hop, or {@code null} when it names none. */
    private static Set<String> namedByConnection(HttpHeaders headers) {
        List<String> connection = headers.get(HttpHeaders.CONNECTION);
        if (connection == null) {
            return null;
        }
        Set<String> named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String value : connection) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    named.add(token.strip());
                }
            }
        }
        return named;
    }

    private static Set<String> caseInsensitive(List<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return Collections.unmodifiableSet(set);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The service's response headers, without the hop-by-hop ones. */
    public static class Responses implements HttpHeadersFilter, Ordered {

        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            Set<String> named = namedByConnection(input);
            HttpHeaders headers = new HttpHeaders();
            input.forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name) && (named == null || !named.contains(name))) {
                    headers.addAll(name, values);
                }
            });
            return headers;
        }

        @Override
        public boolean supports(Type type) {
            return type == Type.RESPONSE;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
