package io.tienda.user.auth.keys;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.tienda.platform.security.SecurityAutoConfiguration;
import io.tienda.platform.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * user-service validates tokens with the keys in its own database rather than fetching its own JWKS
 * over HTTP: no call to itself, and a replica knows a key the moment it reads the table. The checks
 * are the platform's ({@link SecurityAutoConfiguration#verifying}), the same every other service applies,
 * and as there a token's signature is checked once a minute.
 */
@Configuration(proxyBeanMethods = false)
class LocalJwtDecoder {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties properties) {
        JWKSource<SecurityContext> source = (selector, context) -> keys.select(selector);
        return SecurityAutoConfiguration.verifying(NimbusJwtDecoder.withJwkSource(source)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build(), properties);
    }
}
