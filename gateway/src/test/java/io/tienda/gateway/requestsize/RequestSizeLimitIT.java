package io.tienda.gateway.requestsize;

import io.tienda.gateway.GatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

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

    @Test
    void aBodyAtTheLimitPasses() {
        String path = "/api/v1/orders/" + UUID.randomUUID();

        client().put().uri(path).contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[LIMIT]).exchange()
                .expectStatus().isOk();

        assertThat(backends().at(path)).singleElement()
                .satisfies(received -> assertThat(received.bodyLength()).isEqualTo(LIMIT));
    }
}
