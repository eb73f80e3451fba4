package io.tienda.gateway.requestsize;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
    void aConnectionKeptAliveAfterItsAnswerIsClosedOnceIdle() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET /missing HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 404").doesNotContainIgnoringCase("connection: close");
            int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
            assertThat(in.readNBytes(length)).hasSize(length);
            long answered = System.nanoTime();

            assertThat(in.read()).as("closed once idle").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - answered)).isLessThan(Duration.ofSeconds(10));
        }
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            assertThat(next).as("the answer's head ends").isNotEqualTo(-1);
            head.append((char) next);
        }
        return head.toString();
    }
}
