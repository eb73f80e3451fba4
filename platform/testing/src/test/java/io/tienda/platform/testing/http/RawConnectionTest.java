package io.tienda.platform.testing.http;

import com.sun.net.httpserver.HttpServer;
import io.tienda.platform.testing.http.RawRequest.Reply;
import io.tienda.platform.testing.infra.JsonHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class RawConnectionTest {

    private HttpServer server;

    @BeforeEach
    void server() {
        server = JsonHttpServer.start(0, "raw connection server", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/chunked")) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("first part, ".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    out.write("second part".getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            JsonHttpServer.respond(exchange, path.equals("/missing") ? 404 : 200,
                    "{\"path\":\"" + path + "\",\"query\":\"" + exchange.getRequestURI().getQuery() + "\"}");
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void pipelinedAnswersAreReadOneByOneWhateverTheirFraming() {
        try (RawConnection connection = open(Duration.ofSeconds(10))) {
            connection.send(connection.get("/first?n=1", Map.of()), connection.get("/chunked", Map.of()),
                    connection.get("/missing", Map.of("Accept", "application/json")));

            Reply first = connection.next();
            Reply chunked = connection.next();
            Reply missing = connection.next();

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).isEqualTo("{\"path\":\"/first\",\"query\":\"n=1\"}");
            assertThat(chunked.status()).isEqualTo(200);
            assertThat(chunked.header("transfer-encoding")).isEqualToIgnoringCase("chunked");
            assertThat(chunked.body()).isEqualTo("first part, second part");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).contains("/missing");
        }
    }

    @Test
    void theConnectionStaysOpenForTheNextRequestUntilTheServerClosesIt() {
        try (RawConnection connection = open(Duration.ofSeconds(10))) {
            connection.send(connection.get("/one", Map.of()));
            assertThat(connection.next().body()).contains("/one");
            connection.send(connection.get("/two", Map.of()));
            assertThat(connection.next().body()).contains("/two");

            connection.send(connection.get("/last", Map.of("Connection", "close")));
            assertThat(connection.next().body()).contains("/last");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void aMissingAnswerFailsWithinTheReadTimeout() {
        try (RawConnection connection = open(Duration.ofMillis(200))) {
            assertThat(catchThrowable(connection::next))
                    .hasMessageContaining("no answer from").hasMessageContaining("within 200 ms");
        }
    }

    private RawConnection open(Duration readTimeout) {
        return RawConnection.open("127.0.0.1", server.getAddress().getPort(), readTimeout);
    }
}
