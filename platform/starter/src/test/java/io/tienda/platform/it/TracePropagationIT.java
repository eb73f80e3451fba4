package io.tienda.platform.it;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.observation.SecurityObservationSettings;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace of the producing request continues on the consumer side, across the outbox and Kafka; and
 * traces start only where work enters a service (the fleet's collector shows it: TraceJourneyIT).
 */
@Order(5)
class TracePropagationIT extends StarterIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SdkTracerProvider tracing;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    SecurityObservationSettings security;

    @Autowired
    MeterRegistry meters;

    @Test
    void theConsumerRunsInTheProducingRequestsTrace() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        Reply created = send("POST", "/api/v1/widgets", "{\"name\":\"traced\",\"quantity\":2}",
                Map.of("traceparent", traceparent));
        UUID widget = UUID.fromString(created.json().get("id").asString());

        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(
                "select trace_id from widget_effects where widget_id = ?", String.class, widget).isEmpty());
        assertThat(jdbc.queryForObject("select trace_id from widget_effects where widget_id = ?", String.class, widget))
                .isEqualTo(traceId);
    }

    @Test
    void tracesStartWhereWorkEntersTheServiceAndHoldNoObservationOfItsPlumbing() {
        assertThat(tracing.getSampler().getDescription()).as("calls made outside any trace start none")
                .startsWith("EntryPointSampler{");
        assertThat(Observation.createNotStarted("tasks.scheduled.execution", observations).isNoop())
                .as("a scheduled task's run is not a trace of its own").isTrue();
        assertThat(Observation.createNotStarted("http.server.requests", observations).isNoop()).isFalse();
        assertThat(security.shouldObserveRequests()).isFalse();
        assertThat(security.shouldObserveAuthentications()).isFalse();
        assertThat(security.shouldObserveAuthorizations()).isFalse();
    }

    @Test
    void probesAndScrapesAreNeitherTracedNorCountedAsRequests() {
        // UP or DOWN (a store another test stopped), a probe is a probe
        assertThat(get("/actuator/health", null).status()).isIn(200, 503);
        assertThat(get("/actuator/prometheus", null).status()).isEqualTo(200);
        assertThat(post("/api/v1/widgets", "{\"name\":\"counted\",\"quantity\":1}").status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(uris())
                .as("the API request is measured").contains("/api/v1/widgets"));
        assertThat(uris()).noneMatch(uri -> uri.startsWith("/actuator"));
    }

    private List<String> uris() {
        return meters.find("http.server.requests").meters().stream().map(meter -> meter.getId().getTag("uri"))
                .toList();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] = (byte) (bytes[0] | 1);
        return bytes;
    }
}
