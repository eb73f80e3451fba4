package io.tienda.gateway.logging;

import io.lettuce.core.resource.ClientResources;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.tienda.gateway.GatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's traces start with the requests it serves, as the services' do (tienda-tracing). */
class TracingIT extends GatewayIT {

    @Autowired
    SdkTracerProvider tracing;

    @Autowired
    ClientResources redis;

    @Test
    void aTraceStartsWithARequestNotWithACallTheGatewayMakesOnItsOwn() {
        assertThat(tracing.getSampler().getDescription()).startsWith("EntryPointSampler{");
        assertThat(redis.tracing().isEnabled())
                .as("the rate limiter's Redis command, outside the request's trace context, is no trace of its own")
                .isFalse();
    }
}
