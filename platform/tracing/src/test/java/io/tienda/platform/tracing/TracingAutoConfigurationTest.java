package io.tienda.platform.tracing;

import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SdkTracerProviderBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class TracingAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TracingAutoConfiguration.class));

    @Test
    void theConfiguredSamplerIsWrapped() {
        context.withBean(Sampler.class, () -> Sampler.traceIdRatioBased(0.1)).run(started -> {
            SdkTracerProviderBuilder builder = SdkTracerProvider.builder();
            started.getBean(SdkTracerProviderBuilderCustomizer.class).customize(builder);
            try (SdkTracerProvider provider = builder.build()) {
                assertThat(provider.getSampler().getDescription())
                        .isEqualTo("EntryPointSampler{TraceIdRatioBased{0.100000}}");
            }
        });
    }

    @Test
    void withTracingOffTheContextStillStarts() {
        context.run(started -> assertThat(started).hasNotFailed());
    }
}
