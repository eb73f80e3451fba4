package io.tienda.gateway.requestsize;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSizeLimitFilterTest {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(new RequestSizeProperties(DataSize.ofKilobytes(1), null));

    @Test
    void aRequestWithoutABodyGoesOnAsItCame() {
        // neither a length nor a transfer coding: there is no body to count
        MockServerWebExchange get = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/products"));
        assertThat(passedOn(get)).isSameAs(get);
        MockServerWebExchange empty = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/cart")
                .header(HttpHeaders.CONTENT_LENGTH, "0"));
        assertThat(passedOn(empty)).isSameAs(empty);
    }

    @Test
    void aChunkedOrDeclaredBodyIsCounted() {
        MockServerWebExchange chunked = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/cart")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked"));
        assertThat(passedOn(chunked)).isNotSameAs(chunked);
        MockServerWebExchange declared = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/cart")
                .header(HttpHeaders.CONTENT_LENGTH, "10"));
        assertThat(passedOn(declared)).isNotSameAs(declared);
    }

    private ServerWebExchange passedOn(ServerWebExchange exchange) {
        AtomicReference<ServerWebExchange> next = new AtomicReference<>();
        filter.filter(exchange, passed -> {
            next.set(passed);
            return Mono.empty();
        }).block();
        return next.get();
    }
}
