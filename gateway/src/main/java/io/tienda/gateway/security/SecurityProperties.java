package io.tienda.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * The same token rules the services apply (platform starter), so the gateway never lets through a
 * token a service would reject, nor rejects one it would accept.
 *
 * @param jwksUri             user-service's JWKS; fetched on the first bearer token, not at start-up,
 *                            so the gateway starts before user-service
 * @param issuer              the required {@code iss}
 * @param audience            the required {@code aud}
 * @param jwksMaxAge          how long fetched keys are used before the JWKS is fetched again; a key
 *                            user-service retires stops being accepted within this time
 * @param jwksRefetchInterval the least time between two fetches of the JWKS: a token naming an
 *                            unknown {@code kid} (a key rotated in) triggers one, but a flood of
 *                            forged {@code kid}s cannot turn into a flood of requests to user-service
 * @param jwksTimeout         how long one fetch may take
 */
@ConfigurationProperties("tienda.security")
record SecurityProperties(URI jwksUri, String issuer, String audience, Duration jwksMaxAge,
                          Duration jwksRefetchInterval, Duration jwksTimeout) {

    SecurityProperties {
        jwksUri = jwksUri == null ? URI.create("http://localhost:8005/.well-known/jwks.json") : jwksUri;
        issuer = issuer == null ? "tienda" : issuer;
        audience = audience == null ? "tienda-api" : audience;
        jwksMaxAge = jwksMaxAge == null ? Duration.ofMinutes(5) : jwksMaxAge;
        jwksRefetchInterval = jwksRefetchInterval == null ? Duration.ofSeconds(10) : jwksRefetchInterval;
        jwksTimeout = jwksTimeout == null ? Duration.ofSeconds(3) : jwksTimeout;
    }
}
