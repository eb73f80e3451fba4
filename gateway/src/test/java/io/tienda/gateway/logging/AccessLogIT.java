package io.tienda.gateway.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.tienda.gateway.GatewayIT;
import io.tienda.platform.testing.http.RawRequest;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.http.HttpHeaders;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The access log's fields travel as key-value pairs, which the structured console format
 * (ECS in every deployment) writes as JSON members; tests run with plain text, so the pairs are
 * checked on the logging events themselves.
 */
class AccessLogIT extends GatewayIT {

    private final Queue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            events.add(event);
        }
    };

    @BeforeEach
    void listen() {
        appender.start();
        ((Logger) LoggerFactory.getLogger(AccessLogFilter.LOGGER)).addAppender(appender);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(AccessLogFilter.LOGGER)).detachAppender(appender);
    }

    @Test
    void writesOneLinePerRequestWithWhoWhatAndHowLong() {
        String requestId = "access-" + UUID.randomUUID();
        String path = "/api/v1/orders/" + UUID.randomUUID();

        client().get().uri(path + "?email=someone@example.com")
                .header("X-Request-Id", requestId)
                .header("X-Forwarded-For", "203.0.113.50")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token("buyer-7", "CUSTOMER"))
                .exchange()
                .expectStatus().isOk();

        Map<String, Object> line = line(requestId);
        assertThat(line).containsEntry("method", "GET")
                .containsEntry("path", path)
                .containsEntry("status", 200)
                .containsEntry("clientIp", "203.0.113.50")
                .containsEntry("user", "buyer-7")
                .containsEntry("routeId", "orders")
                .containsKey("durationMs");
        assertThat(line.get("durationMs")).isInstanceOf(Long.class);
        assertThat(String.valueOf(line.get("traceId"))).as("the trace id, for every request, sampled or not")
                .matches("[0-9a-f]{32}");
        assertThat(backends().at(path)).singleElement().satisfies(received ->
                assertThat(received.header("traceparent")).as("the service continues the same trace, under the gateway's span")
                        .startsWith("00-" + line.get("traceId") + "-" + line.get("spanId") + "-"));
        assertThat(line.values()).as("no query strings, they carry personal data")
                .noneMatch(value -> String.valueOf(value).contains("someone@example.com"));
        assertThat(events.stream().filter(event -> event.getFormattedMessage().contains(path))).hasSize(1);
    }

    @Test
    void logsTheStatusTheClientGotForRefusalsToo() {
        String requestId = "refused-" + UUID.randomUUID();

        client().get().uri("/nowhere").header("X-Request-Id", requestId).exchange().expectStatus().isNotFound();

        Map<String, Object> line = line(requestId);
        assertThat(line).containsEntry("status", 404).containsEntry("path", "/nowhere");
        assertThat(line.get("routeId")).isNull();
        assertThat(line.get("user")).isNull();
    }

    /**
     * A request whose connection closed before the web layer could answer it (here the gateway refused
     * the rest of a body it could not read, and answered 400 itself) is logged as 499, nginx's "client
     * closed request", never as a 500 of the gateway's with an ERROR: that would be a server error in
     * the metrics and the alerts that any client could cause.
     */
    @Test
    void aRequestWhoseConnectionClosedBeforeTheAnswerIs499AndNoServerError() {
        Queue<ILoggingEvent> errors = new ConcurrentLinkedQueue<>();
        AppenderBase<ILoggingEvent> problems = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                    errors.add(event);
                }
            }
        };
        problems.start();
        Logger handler = (Logger) LoggerFactory.getLogger("io.tienda.gateway.problem.ProblemExceptionHandler");
        handler.addAppender(problems);
        try {
            String requestId = "unreadable-" + UUID.randomUUID();
            String path = "/api/v1/orders/" + UUID.randomUUID();

            RawRequest.Reply reply = RawRequest.send("localhost", port, "POST " + path + " HTTP/1.1",
                    Map.of("Transfer-Encoding", "chunked", "Content-Type", "application/json", "X-Request-Id", requestId),
                    "zz\r\n{\"quantity\":1}\r\n0\r\n\r\n");

            assertThat(reply.status()).as(reply.head()).isEqualTo(400);
            assertThat(line(requestId)).containsEntry("status", 499).containsEntry("path", path);
            assertThat(errors).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        } finally {
            handler.detachAppender(problems);
        }
    }

    /** The request's access-log fields, once the line is written (after the response went out). */
    private Map<String, Object> line(String requestId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                .map(AccessLogIT::fields)
                .filter(fields -> requestId.equals(fields.get("requestId")))
                .findFirst(), Optional::isPresent).get();
    }

    private static Map<String, Object> fields(ILoggingEvent event) {
        Map<String, Object> fields = new HashMap<>();
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                fields.put(pair.key, pair.value);
            }
        }
        return fields;
    }
}
