package io.tienda.gateway.requestsize;

import io.tienda.gateway.WebFilterOrder;
import io.tienda.gateway.problem.ProblemException;
import io.tienda.platform.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Caps request bodies, in size and in time. A declared Content-Length over the cap is refused before
 * a byte is read; a chunked body is counted as it streams, so it cannot slip past by not declaring its
 * size. The routes buffer bodies (for retries and fallbacks), so this also bounds the gateway's memory.
 * A body must also arrive whole within {@code tienda.gateway.request-body-timeout} of the gateway
 * starting to read it, or the request is refused with 408: otherwise a client that declares a body and
 * sends it slowly, or never, held its connection, its buffers and a call to a service for ever.
 */
@Component
class RequestSizeLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;
    private final String limit;
    private final Duration timeout;

    RequestSizeLimitFilter(RequestSizeProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
        this.limit = properties.maxRequestSize().toString();
        this.timeout = properties.requestBodyTimeout();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declared == 0 || declared < 0 && !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            // No body (RFC 9112 section 6.3: neither a length nor a transfer coding), nothing to count:
            // most requests are bodyless reads, and each decorated exchange slows every later
            // attribute lookup of the request.
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    AtomicLong seen = new AtomicLong();
                    long deadline = System.nanoTime() + timeout.toNanos();
                    Flux<DataBuffer> counted = super.getBody().handle((buffer, sink) -> {
                        if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                            DataBufferUtils.release(buffer);
                            sink.error(tooLarge());
                        }
                        else {
                            sink.next(buffer);
                        }
                    });
                    // one deadline for the whole body, not a fresh wait after each piece
                    return counted.timeout(Mono.delay(timeout),
                                    buffer -> Mono.delay(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))))
                            .onErrorMap(TimeoutException.class, e -> tooSlow());
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the limit of " + limit);
    }

    /** The rest of the body may still come, and would be read as the next request: the connection is closed. */
    private ProblemException tooSlow() {
        HttpHeaders close = new HttpHeaders();
        close.set(HttpHeaders.CONNECTION, "close");
        return new ProblemException(ProblemType.REQUEST_TIMEOUT,
                "The request body did not arrive within " + timeout.toSeconds() + " s", close);
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.REQUEST_SIZE;
    }
}
