package io.tienda.platform.http;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Timeouts of calls between services; a slow dependency must not hold a request thread for long. */
@ConfigurationProperties("tienda.http")
public record HttpProperties(Duration connectTimeout, Duration readTimeout) {

    public HttpProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    }
}
