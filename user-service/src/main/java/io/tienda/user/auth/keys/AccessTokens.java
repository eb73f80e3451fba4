package io.tienda.user.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tienda.platform.security.SecurityProperties;
import io.tienda.user.UsersProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues access tokens: RS256 JWTs signed with the current key, carrying its {@code kid}. Claims:
 * {@code sub} (the account id), {@code email}, {@code email_verified}, {@code roles}, {@code sid}
 * (the session, i.e. the refresh-token family), {@code iss}, {@code aud}, {@code jti}, {@code iat},
 * {@code exp}. Every service validates them with its JWKS; nothing can revoke one, hence the short life.
 */
@Component
public class AccessTokens {

    public static final String CLAIM_EMAIL = "email";
    public static final String CLAIM_EMAIL_VERIFIED = "email_verified";
    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_SESSION = "sid";

    private final SigningKeys keys;
    private final SecurityProperties security;
    private final Duration ttl;
    private final Clock clock;

    AccessTokens(SigningKeys keys, SecurityProperties security, UsersProperties properties, Clock clock) {
        this.keys = keys;
        this.security = security;
        this.ttl = properties.tokens().accessTtl();
        this.clock = clock;
    }

    /** Who a token is for. */
    public record Subject(String id, String email, boolean emailVerified, List<String> roles) {

        public Subject {
            Objects.requireNonNull(id, "id");
            roles = List.copyOf(roles);
        }
    }

    /** A signed token and when it stops working. */
    public record Issued(String token, String kid, Instant expiresAt, Duration ttl) {

        @Override
        public String toString() {
            return "Issued[kid=" + kid + ", expiresAt=" + expiresAt + "]";
        }
    }

    public Issued issue(Subject subject, UUID sessionId) {
        SigningKey key = keys.current();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject.id())
                .issuer(security.issuer())
                .audience(security.audience())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .claim(CLAIM_ROLES, subject.roles())
                .claim(CLAIM_EMAIL_VERIFIED, subject.emailVerified());
        if (subject.email() != null) {
            claims.claim(CLAIM_EMAIL, subject.email());
        }
        if (sessionId != null) {
            claims.claim(CLAIM_SESSION, sessionId.toString());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.kid(), e);
        }
        return new Issued(jwt.serialize(), key.kid(), expiresAt, ttl);
    }
}
