package io.tienda.gateway.requestsize;

import io.tienda.gateway.GatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.tienda.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class RequestSizeLimitIT extends GatewayIT {

    private static final int LIMIT = 1024 * 1024;

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedWith413() {
        String path = "/api/v1/products/" + UUID.randomUUID();

        assertProblem(client().post().uri(path).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[LIMIT + 1]).exchange(), 413, "payload-too-large", path);

        assertThat(backends().at(path)).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        String path = "/api/v1/orders/" + UUID.randomUUID();
        Flux<DataBuffer> chunks = Flux.range(0, 17)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));

        assertProblem(client().post().uri(path).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class).exchange(), 413, "payload-too-large", path);

        assertThat(backends().at(path)).isEmpty();
    }

    /**
     * A client that declares a body and then stops sending it is answered 408 once the body timeout
     * (2 s in these tests) has passed, and the connection closed, instead of holding it and a call to the
     * service for ever; the route's circuit breaker does not count it against the service.
     */
    @Test
    void aBodyThatStopsArrivingIsRefusedWith408() throws Exception {
        String path = "/api/v1/orders/" + UUID.randomUUID();
        List<Socket> sockets = new ArrayList<>();
        try {
            // more than the breaker's minimum number of calls, half declared and half chunked
            for (int i = 0; i < 12; i++) {
                String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + (i % 2 == 0 ? "Content-Length: 50\r\n\r\n{\"quantity\"" : "Transfer-Encoding: chunked\r\n\r\n"
                        + "b\r\n{\"quantity\"\r\n");
                Socket socket = new Socket("localhost", port);
                sockets.add(socket);
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            long started = System.nanoTime();
            for (Socket socket : sockets) {
                String reply = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);

                assertThat(reply).startsWith("HTTP/1.1 408").contains("application/problem+json")
                        .contains("https://tienda.io/problems/request-timeout")
                        .contains("The request body did not arrive within 2 s");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }

        client().get().uri("/api/v1/orders/" + UUID.randomUUID()).exchange().expectStatus().isOk();
    }

    @Test
    void aBodyAtTheLimitPasses() {
        String path = "/api/v1/orders/" + UUID.randomUUID();

        client().put().uri(path).contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[LIMIT]).exchange()
                .expectStatus().isOk();

        assertThat(backends().at(path)).singleElement()
                .satisfies(received -> assertThat(received.bodyLength()).isEqualTo(LIMIT));
    }
}
