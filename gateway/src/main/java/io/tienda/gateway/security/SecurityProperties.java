package io.tienda.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * The same token rules the services apply (platform starter), so the gateway never lets through a
 * token a service would reject, nor rejects one it would accept.
 *
 * @param jwksUri  user-service's JWKS; fetched on the first bearer token, not at start-up, so the
 *                 gateway starts before user-service; refetched when a token names an unknown {@code kid}
 * @param issuer   the required {@code iss}
 * @param audience the required {@code aud}
 */
@ConfigurationProperties("tienda.security")
record SecurityProperties(URI jwksUri, String issuer, String audience) {

    SecurityProperties {
        jwksUri = jwksUri == null ? URI.create("http://localhost:8005/.well-known/jwks.json") : jwksUri;
        issuer = issuer == null ? "tienda" : issuer;
        audience = audience == null ? "tienda-api" : audience;
    }
}
