package io.tienda.platform.observability;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class MeterRejectionsTest {

    @Test
    void everyMeterPrometheusRefusesIsNamedOnceWithItsTags(CapturedOutput output) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new MeterRejections().postProcessBeforeInitialization(registry, "prometheusMeterRegistry");

        registry.counter("webhooks", "outcome", "applied", "type", "charge.refunded").increment();
        registry.counter("webhooks", "outcome", "bad-signature").increment();
        registry.counter("webhooks", "outcome", "duplicate").increment();
        registry.counter("listener", "name", "a").increment();
        registry.counter("listener", "error", "none").increment();

        assertThat(output.getOut().lines().filter(line -> line.contains("is not exported"))).hasSize(2);
        assertThat(output).contains("meter webhooks with tags [outcome] is not exported")
                .contains("meter listener with tags [error] is not exported");
        assertThat(registry.scrape()).contains("webhooks_total{outcome=\"applied\",type=\"charge.refunded\"} 1.0")
                .doesNotContain("bad-signature");
    }

    @Test
    void leavesEverythingElseAlone() {
        Object bean = new Object();
        assertThat(new MeterRejections().postProcessBeforeInitialization(bean, "other")).isSameAs(bean);
    }
}
