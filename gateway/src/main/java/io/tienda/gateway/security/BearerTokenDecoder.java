package io.tienda.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWKSecurityContext;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * How the gateway verifies a bearer token, in order:
 * <ol>
 *   <li>It must be a JWS signed with RS256. Unsigned tokens ({@code alg: none}), HMAC ones (such as
 *       HS256 keyed with the public key, the key-confusion attack) and encrypted ones are refused
 *       before any key is looked at.</li>
 *   <li>The signature must verify with the user-service key its {@code kid} names
 *       ({@link SigningKeys}); keys embedded in the token's header are never used.</li>
 *   <li>{@code typ} is absent or JWT, {@code exp}/{@code nbf} hold with 60 s of clock skew,
 *       {@code iss} and {@code aud} are Tienda's: the validator the services use too.</li>
 * </ol>
 * A token that fails any of these is a {@link BadJwtException}: 401. Only keys that cannot be had
 * raise a plain {@link JwtException}, which Spring Security turns into an
 * {@code AuthenticationServiceException}: 503.
 */
final class BearerTokenDecoder {

    private BearerTokenDecoder() {
    }

    static ReactiveJwtDecoder create(SigningKeys keys, SecurityProperties properties) {
        DefaultJWTProcessor<JWKSecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new JWKSecurityContextJWKSet()));
        // typ and the claims are the validator's job below, exactly as in the services.
        processor.setJWSTypeVerifier((type, context) -> { });
        processor.setJWTClaimsSetVerifier((claims, context) -> { });

        NimbusReactiveJwtDecoder decoder = new NimbusReactiveJwtDecoder(jwt -> verify(jwt, keys, processor));
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()), audience);
    }

    private static Mono<JWTClaimsSet> verify(JWT jwt, SigningKeys keys, DefaultJWTProcessor<JWKSecurityContext> processor) {
        // Spring Security refuses unsigned tokens before this point; anything else but RS256 ends here.
        if (!(jwt instanceof SignedJWT signed) || !JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            return Mono.error(new BadJwtException("Only RS256-signed tokens are accepted"));
        }
        return keys.candidates(signed.getHeader())
                .onErrorMap(failure -> new JwtException("The token signing keys cannot be fetched", failure))
                .map(candidates -> process(processor, signed, candidates));
    }

    private static JWTClaimsSet process(DefaultJWTProcessor<JWKSecurityContext> processor, SignedJWT jwt,
                                        List<JWK> candidates) {
        try {
            return processor.process(jwt, new JWKSecurityContext(candidates));
        } catch (BadJOSEException | JOSEException e) {
            // Whatever is wrong with it, it is the token's fault: 401, never 5xx.
            throw new BadJwtException("The token failed verification", e);
        }
    }
}
