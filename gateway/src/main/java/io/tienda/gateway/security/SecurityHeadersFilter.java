package io.tienda.gateway.security;

import io.tienda.gateway.WebFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Hardening headers on every response, including the refusals produced before the security
 * chain runs (oversized bodies, foreign origins). A header a service already set is left alone,
 * and Cache-Control is never touched: caching is each service's call (ETags on catalog reads).
 * HSTS goes out only on requests that arrived over TLS.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    private final HttpHeaderWriterWebFilter delegate = new HttpHeaderWriterWebFilter(new CompositeServerHttpHeadersWriter(
            new ContentTypeOptionsServerHttpHeadersWriter(),
            new XFrameOptionsServerHttpHeadersWriter(),
            noReferrer(),
            new StrictTransportSecurityServerHttpHeadersWriter()));

    private static ReferrerPolicyServerHttpHeadersWriter noReferrer() {
        ReferrerPolicyServerHttpHeadersWriter writer = new ReferrerPolicyServerHttpHeadersWriter();
        writer.setPolicy(ReferrerPolicy.NO_REFERRER);
        return writer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return delegate.filter(exchange, chain);
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.SECURITY_HEADERS;
    }
}
