package io.tienda.platform.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SdkTracerProviderBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Traces start only where work enters a JVM ({@link EntryPointSampler}). */
@AutoConfiguration
@ConditionalOnClass({Sampler.class, SdkTracerProviderBuilderCustomizer.class})
public class TracingAutoConfiguration {

    /**
     * Wraps the sampler Spring Boot configured ({@code management.tracing.sampling.probability}), which
     * the builder holds by the time customizers run. Looked up only then: with tracing turned off there
     * is neither a sampler nor a tracer provider to customize, and nothing fails.
     */
    @Bean
    SdkTracerProviderBuilderCustomizer entryPointSampler(ObjectProvider<Sampler> configured) {
        return builder -> builder.setSampler(new EntryPointSampler(configured.getObject()));
    }
}
