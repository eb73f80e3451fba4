package io.tienda.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * Where services find the signing keys and what every token must say about itself.
 *
 * @param jwksUri  user-service's JWKS; fetched on the first token and refetched for an unknown {@code kid}
 * @param issuer   the required {@code iss}
 * @param audience the required {@code aud}
 */
@ConfigurationProperties("tienda.security")
public record SecurityProperties(URI jwksUri, String issuer, String audience) {

    public SecurityProperties {
        jwksUri = jwksUri == null ? URI.create("http://localhost:8005/.well-known/jwks.json") : jwksUri;
        issuer = issuer == null ? "tienda" : issuer;
        audience = audience == null ? "tienda-api" : audience;
    }
}
