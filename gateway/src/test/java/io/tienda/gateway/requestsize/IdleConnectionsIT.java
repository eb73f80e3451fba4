package io.tienda.gateway.requestsize;

import io.tienda.platform.testing.http.RawConnection;
import io.tienda.platform.testing.http.RawRequest.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections with no request under way are closed after {@code server.netty.idle-timeout} (75 s in
 * production, 1 s here): one whose request's headers stopped arriving, and one kept alive after its
 * answer. Its own small context, without Redis or services, since a short idle timeout in the shared
 * one would close the test clients' pooled connections under them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.netty.idle-timeout=1s",
        "tienda.rate-limit.enabled=false",
        "tienda.security.jwks-uri=http://127.0.0.1:9/.well-known/jwks.json"
})
class IdleConnectionsIT {

    @LocalServerPort
    int port;

    @Test
    void aRequestWhoseHeadersStopArrivingIsDropped() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET /missing HTTP/1.1\r\nHost: localhost\r\nX-Hal".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();

            assertThat(socket.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aConnectionKeptAliveAfterItsAnswerIsClosedOnceIdle() {
        try (RawConnection connection = RawConnection.open("localhost", port, Duration.ofSeconds(20))) {
            connection.send(connection.get("/missing", Map.of()));
            Reply answer = connection.next();
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.header("Connection")).as("kept alive").isNotEqualToIgnoringCase("close");
            long answered = System.nanoTime();

            assertThat(connection.closedByServer()).as("closed once idle").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - answered)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
