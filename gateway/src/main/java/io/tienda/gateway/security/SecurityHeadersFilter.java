package io.tienda.gateway.security;

import io.tienda.gateway.WebFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Hardening headers on every response, including the refusals produced before the security
 * chain runs (oversized bodies, foreign origins). A header a service already set is left alone,
 * and Cache-Control is never touched: caching is each service's call (ETags on catalog reads).
 * HSTS goes out only on requests that arrived over TLS.
 *
 * <p>The values are Spring Security's defaults, written directly when the response commits:
 * Spring Security's composite header writer ran a Flux over its writers and built a set of the
 * response's header names for each of them, on every response.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    static final String FRAME_OPTIONS = "X-Frame-Options";
    static final String REFERRER_POLICY = "Referrer-Policy";
    static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";
    /** One year, subdomains included: Spring Security's default. */
    static final String ONE_YEAR_WITH_SUBDOMAINS = "max-age=31536000 ; includeSubDomains";
    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /**
     * For an answer that is data, not a page (JSON, problem+json): nothing it holds may load or run if a
     * browser is ever made to render it, and no page may frame it. Pages (Swagger UI, the staff dashboard,
     * which sets a policy of its own) are left alone.
     */
    static final String DATA_ONLY = "default-src 'none'; frame-ancestors 'none'";
    /** The headers every response carries, whatever its scheme. */
    static final Map<String, String> ALWAYS = Map.of(
            CONTENT_TYPE_OPTIONS, "nosniff",
            FRAME_OPTIONS, "DENY",
            REFERRER_POLICY, "no-referrer");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            ALWAYS.forEach((name, value) -> setUnlessPresent(headers, name, value));
            if (isData(headers.getFirst(HttpHeaders.CONTENT_TYPE))) {
                setUnlessPresent(headers, CONTENT_SECURITY_POLICY, DATA_ONLY);
            }
            if ("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())) {
                setUnlessPresent(headers, STRICT_TRANSPORT_SECURITY, ONE_YEAR_WITH_SUBDOMAINS);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** Whether a Content-Type is JSON ({@code application/json}, or any {@code +json} such as problem+json). */
    static boolean isData(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return type.regionMatches(true, 0, "application/", 0, 12)
                && (type.equalsIgnoreCase("application/json") || type.regionMatches(true, type.length() - 5, "+json", 0, 5));
    }

    private static void setUnlessPresent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.SECURITY_HEADERS;
    }
}
