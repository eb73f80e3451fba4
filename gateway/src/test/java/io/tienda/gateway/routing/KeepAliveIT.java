package io.tienda.gateway.routing;

import io.tienda.gateway.GatewayIT;
import io.tienda.platform.testing.http.RawConnection;
import io.tienda.platform.testing.http.RawRequest.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept-alive connection goes on answering after a request that had to wait its turn on it. A browser
 * sends its next request as soon as it has the previous answer, which can be before the server has
 * finished with that exchange; the server then holds the new request until it has. Reactor Netty up to
 * 1.3.7 stopped reading such a connection when the held request was answered at once (the gateway's
 * own 404 for {@code /favicon.ico}, say): the request after it waited until the browser gave up. Sending
 * two requests in one write holds the second one every time.
 */
class KeepAliveIT extends GatewayIT {

    @ParameterizedTest(name = "after {0} waited behind a slow request")
    @CsvSource({
            "/favicon.ico, 404, 198.51.100.211",
            "/api/v1/products/held, 200, 198.51.100.212"
    })
    void theConnectionAnswersTheRequestAfterOneThatWaitedItsTurn(String held, int heldStatus, String client) {
        Map<String, String> from = Map.of("X-Forwarded-For", client);
        try (RawConnection connection = RawConnection.open("localhost", port, Duration.ofSeconds(20))) {
            connection.send(connection.get("/api/v1/products/slow/200", from), connection.get(held, from));
            assertThat(connection.next().status()).isEqualTo(200);
            assertThat(connection.next().status()).isEqualTo(heldStatus);

            connection.send(connection.get("/api/v1/products/next", from));
            Reply next = connection.next();

            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).contains("\"path\":\"/api/v1/products/next\"");
            connection.send(connection.get("/api/v1/categories", from));
            assertThat(connection.next().status()).as("and the one after").isEqualTo(200);
        }
    }
}
