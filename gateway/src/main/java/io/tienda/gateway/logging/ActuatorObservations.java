package io.tienda.gateway.logging;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Probes and scrapes of the management port are neither traced nor counted in
 * {@code http_server_requests}, as in every service: a readiness probe's 503 while the gateway waits
 * for a dependency would read there as a server error, and each probe was a trace of its own.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorObservations {

    @Bean
    ObservationPredicate actuatorRequestsUnobserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && isActuator(request.getCarrier().getPath().value()));
    }

    static boolean isActuator(String path) {
        return path.equals("/actuator") || path.startsWith("/actuator/");
    }
}
