package io.tienda.platform.testing.http;

import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.tienda.platform.testing.infra.JsonHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class StatusRetryFreeRestTestClientTest {

    private final AtomicInteger received = new AtomicInteger();

    private HttpServer server;

    @BeforeEach
    void busyServer() {
        server = JsonHttpServer.start(0, "busy server", exchange -> {
            received.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Retry-After", "0");
            JsonHttpServer.respond(exchange, exchange.getRequestURI().getQuery() == null ? 503 : 429, "{}");
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int post(ClientHttpRequestFactory factory, String path) {
        RestTestClient client = RestTestClient.bindToServer(factory)
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .build();
        return client.post().uri(path).body("{}").exchange().returnResult(String.class).getStatus().value();
    }

    @Test
    void aPostAnswered503Or429IsSentOnce() {
        HttpComponentsClientHttpRequestFactory factory =
                new HttpComponentsClientHttpRequestFactory(StatusRetryFreeRestTestClient.httpClient());

        assertThat(post(factory, "/orders")).isEqualTo(503);
        assertThat(received).hasValue(1);
        assertThat(post(factory, "/orders?busy")).isEqualTo(429);
        assertThat(received).hasValue(2);
    }

    /** Why it exists: Spring's default factory on HttpClient 5 sends the same POST again. */
    @Test
    void theDefaultClientSendsItTwice() {
        assertThat(post(new HttpComponentsClientHttpRequestFactory(), "/orders")).isEqualTo(503);
        assertThat(received).hasValue(2);
    }

}
