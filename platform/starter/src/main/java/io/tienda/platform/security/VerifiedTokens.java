package io.tienda.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;

/**
 * Verifies a token's RS256 signature once, not on every request: a shopper's access token arrives
 * dozens of times in its 15 minutes, and on the services' C1-compiled JVMs the signature check was
 * the largest part of authenticating a request. A token seen within {@link #KEPT} is the same bytes,
 * so the same signature; its time claims ({@code exp}, {@code nbf}), issuer and audience are checked
 * again on every use, so an expired token is refused the moment it expires. The price: a token signed
 * with a key user-service has retired stays accepted for at most {@link #KEPT} beyond the moment the
 * service would otherwise have refetched the JWKS and stopped trusting the key.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration KEPT = Duration.ofSeconds(60);

    /** About 2 KB each: a few MB at most, for the tokens of the last minute's active users. */
    static final int MAX_TOKENS = 2_048;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfterWrite(KEPT)
            .build();

    /**
     * @param verifier  checks the signature and then {@code validator}
     * @param validator the same claims checks, repeated on every use of a token already verified
     */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
        this.verifier = verifier;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("The token is no longer valid", result.getErrors());
        }
        return known;
    }
}
