package io.tienda.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/** What every service's metrics get from the platform, beside the defaults of {@link TiendaDefaults}. */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public class ObservabilityAutoConfiguration {

    @Bean
    static MeterRejections meterRejections() {
        return new MeterRejections();
    }

    /**
     * Requests to the actuator (health probes, Prometheus scrapes) are not observed: each was a trace
     * of its own, every few seconds per replica under Kubernetes' probes, and they would count in the
     * services' request metrics, where a readiness probe answered 503 while a dependency is down read as
     * a server error of the API.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ObservationPredicate actuatorRequestsUnobserved(
            @Value("${management.endpoints.web.base-path:/actuator}") String basePath) {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && isUnder(request.getCarrier().getRequestURI(), basePath));
    }

    static boolean isUnder(String path, String basePath) {
        return path != null && (path.equals(basePath) || path.startsWith(basePath + "/"));
    }
}
