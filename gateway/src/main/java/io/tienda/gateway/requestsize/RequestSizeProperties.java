package io.tienda.gateway.requestsize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * @param maxRequestSize     the largest request body the gateway forwards; larger ones are refused
 *                           with 413 before any service sees them.
 * @param requestBodyTimeout how long a request body may take to arrive whole, from when the gateway
 *                           starts to read it; a slower one is refused with 408. 30 s is about 35 kB/s
 *                           for a body at the 1 MB cap, where the API's bodies are a few kB.
 */
@ConfigurationProperties("tienda.gateway")
record RequestSizeProperties(DataSize maxRequestSize, Duration requestBodyTimeout) {

    RequestSizeProperties {
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
        requestBodyTimeout = requestBodyTimeout == null ? Duration.ofSeconds(30) : requestBodyTimeout;
        if (requestBodyTimeout.isNegative() || requestBodyTimeout.isZero()) {
            throw new IllegalArgumentException("tienda.gateway.request-body-timeout must be positive");
        }
    }
}
