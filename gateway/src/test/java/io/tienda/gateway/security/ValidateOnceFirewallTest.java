package io.tienda.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidateOnceFirewallTest {

    private final ValidateOnceFirewall firewall = new ValidateOnceFirewall();

    @Test
    void letsAnOrdinaryRequestGoOnAsItCameWithoutAWrapper() {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/search")
                .queryParam("q", "zapatos rojos")
                .header("Authorization", "Bearer abc.def.ghi")
                .header("Accept-Language", "es-ES, en;q=0.8")
                .header("X-Forwarded-For", "203.0.113.9"));

        assertThat(firewall.getFirewalledExchange(exchange).block()).isSameAs(exchange);
    }

    @Test
    void refusesWhatTheStrictFirewallRefuses() {
        assertRejected(MockServerHttpRequest.get("/api/v1/products;jsessionid=7"));
        assertRejected(MockServerHttpRequest.get("/api/v1/products/a/../b"));
        assertRejected(MockServerHttpRequest.method(HttpMethod.valueOf("HACK"), "/api/v1/products"));
    }

    @Test
    void refusesABadHeaderEvenWhenNothingWouldReadIt() {
        assertRejected(MockServerHttpRequest.get("/api/v1/products").header("X-Never-Read", "a\u0007b"));
        assertRejected(MockServerHttpRequest.get("/api/v1/products").header("X-Bad\u0001Name", "value"));
    }

    private void assertRejected(MockServerHttpRequest.BaseBuilder<?> request) {
        assertThatThrownBy(() -> firewall.getFirewalledExchange(MockServerWebExchange.from(request)).block())
                .isInstanceOf(ServerExchangeRejectedException.class);
    }
}
