package io.tienda.platform.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The trace of the producing request continues on the consumer side, across the outbox and Kafka. */
@Order(5)
class TracePropagationIT extends StarterIT {

    @Autowired
    JdbcTemplate jdbc;

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

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] = (byte) (bytes[0] | 1);
        return bytes;
    }
}
