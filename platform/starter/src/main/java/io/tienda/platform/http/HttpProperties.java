package io.tienda.platform.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

import java.time.Duration;

/** Timeouts of calls between services; a slow dependency must not hold a request thread for long. */
@ConfigurationProperties("tienda.http")
public record HttpProperties(Duration connectTimeout, Duration readTimeout) {

    public HttpProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    }

    /**
     * A request factory for calls between services with these timeouts, or with another read timeout for one
     * dependency whose calls must fit a shorter budget.
     */
    public ClientHttpRequestFactory requestFactory(Duration readTimeout) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(connectTimeout);
        factory.setReadTimeout(readTimeout);
        return factory;
    }

    /** {@link #requestFactory(Duration)} with {@code tienda.http.read-timeout}. */
    public ClientHttpRequestFactory requestFactory() {
        return requestFactory(readTimeout);
    }
}
