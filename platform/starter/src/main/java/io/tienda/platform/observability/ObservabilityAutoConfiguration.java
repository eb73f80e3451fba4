package io.tienda.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** What every service's metrics get from the platform, beside the defaults of {@link TiendaDefaults}. */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public class ObservabilityAutoConfiguration {

    @Bean
    static MeterRejections meterRejections() {
        return new MeterRejections();
    }
}
