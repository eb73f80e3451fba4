package io.tienda.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Retries of idempotent GETs on 502/503/504 and connection failures, with exponential backoff.
 * Unsafe methods are never retried: a POST that timed out may well have been processed.
 *
 * @param retries      attempts after the first
 * @param firstBackoff wait before the first retry, doubled each time
 * @param maxBackoff   cap on the wait between retries
 */
@ConfigurationProperties("tienda.gateway.retry")
record RetryProperties(Integer retries, Duration firstBackoff, Duration maxBackoff) {

    RetryProperties {
        retries = retries == null ? 2 : retries;
        firstBackoff = firstBackoff == null ? Duration.ofMillis(50) : firstBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMillis(500) : maxBackoff;
    }
}
