package io.tienda.gateway.cors;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Which browser front ends may call the API. Only the gateway answers CORS; services behind it
 * do not, so one list decides.
 *
 * @param allowedOrigins   exact origins of the web shops and back offices
 * @param allowedMethods   methods a cross-origin request may use
 * @param allowedHeaders   request headers a cross-origin request may send
 * @param exposedHeaders   response headers browser scripts may read
 * @param allowCredentials whether cookies may ride along (never combined with a wildcard origin)
 * @param maxAge           how long a browser may cache a preflight answer
 */
@ConfigurationProperties("tienda.cors")
record CorsProperties(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                      List<String> exposedHeaders, Boolean allowCredentials, Duration maxAge) {

    CorsProperties {
        allowedOrigins = orDefault(allowedOrigins, List.of("http://localhost:3000", "http://localhost:5173"));
        allowedMethods = orDefault(allowedMethods, List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        allowedHeaders = orDefault(allowedHeaders, List.of("Authorization", "Content-Type", "Idempotency-Key",
                "X-Request-Id", "If-Match", "If-None-Match", "X-Cart-Token", "Prefer"));
        // X-Cart-Token: a guest's cart token is issued on the first write, in a response header;
        // Prefer / Preference-Applied: a checkout page's read that waits for its order to change
        exposedHeaders = orDefault(exposedHeaders, List.of("X-Request-Id", "Retry-After", "ETag", "Location",
                "X-RateLimit-Remaining", "X-Cart-Token", "Preference-Applied"));
        allowCredentials = allowCredentials == null ? Boolean.TRUE : allowCredentials;
        maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
    }

    private static List<String> orDefault(List<String> value, List<String> fallback) {
        return value == null ? fallback : List.copyOf(value);
    }
}
