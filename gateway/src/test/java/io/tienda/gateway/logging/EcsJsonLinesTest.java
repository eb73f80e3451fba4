package io.tienda.gateway.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EcsJsonLines} is built by Spring Boot from its class name, exactly as the gateway's
 * configuration names it, and must write what Boot's own {@code ecs} format writes.
 */
class EcsJsonLinesTest {

    private final LoggerContext context = context();
    private final StructuredLogEncoder stock = encoder("ecs");
    private final StructuredLogEncoder lines = encoder(EcsJsonLines.class.getName());

    @AfterEach
    void stop() {
        stock.stop();
        lines.stop();
        context.stop();
    }

    @Test
    void writesTheSameLinesAsSpringBootsEcsFormat() {
        LoggingEvent access = event(Level.INFO, "tienda.gateway.access", "GET /api/v1/products/7 200 3ms", null);
        access.addKeyValuePair(new KeyValuePair("requestId", "r-1"));
        access.addKeyValuePair(new KeyValuePair("status", 200));
        access.addKeyValuePair(new KeyValuePair("durationMs", 3L));
        access.addKeyValuePair(new KeyValuePair("user", null));
        access.addKeyValuePair(new KeyValuePair("path", "/api/v1/caf\u00e9 \"quoted\"\n"));

        LoggingEvent failure = event(Level.WARN, "io.tienda.gateway.ratelimit", "Rate limiting fails open: ñandú",
                new IllegalStateException("Redis did not answer in time"));
        failure.setMDCPropertyMap(Map.of("traceId", "0af7651916cd43dd8448eb211c80319c", "spanId", "b7ad6b7169203331"));
        failure.addMarker(MarkerFactory.getMarker("SECURITY"));

        for (ILoggingEvent event : List.of(access, failure)) {
            String expected = new String(stock.encode(event), StandardCharsets.UTF_8);
            assertThat(expected).startsWith("{\"@timestamp\"").endsWith("}\n");
            assertThat(new String(lines.encode(event), StandardCharsets.UTF_8)).isEqualTo(expected);
        }
        assertThat(new String(lines.encode(access), StandardCharsets.UTF_8))
                .contains("\"service\":{\"name\":\"gateway\"")
                .contains("\"requestId\":\"r-1\"", "\"status\":200", "\"durationMs\":3")
                .contains("caf\u00e9 \\\"quoted\\\"\\n");
        assertThat(new String(lines.encode(failure), StandardCharsets.UTF_8))
                .contains("\"error\":{\"type\":\"java.lang.IllegalStateException\"", "\"tags\":[\"SECURITY\"]");
    }

    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    private StructuredLogEncoder encoder(String format) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "gateway")
                .withProperty("logging.structured.ecs.service.name", "gateway");
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private LoggingEvent event(Level level, String logger, String message, Throwable throwable) {
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger(logger), level, message, throwable, null);
        event.setThreadName("reactor-http-epoll-1");
        event.setTimeStamp(1_780_000_000_123L);
        return event;
    }
}
