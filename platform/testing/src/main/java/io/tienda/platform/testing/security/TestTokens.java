package io.tienda.platform.testing.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Access tokens for tests, signed the way user-service signs real ones (RS256, {@code kid},
 * {@code iss}, {@code aud}, {@code roles}), with a key pair that exists only in tests. Its public
 * key is served as a JWKS over HTTP, and every Spring test with tienda-testing on the classpath
 * points {@code tienda.security.jwks-uri} at it, so services validate test tokens through exactly
 * the code path that validates real ones.
 */
public final class TestTokens {

    public static final String ISSUER = "tienda";
    public static final String AUDIENCE = "tienda-api";
    public static final String KEY_ID = "test-key";

    private static final KeyPair KEYS = generate();
    private static final Object LOCK = new Object();
    private static URI jwksUri;

    private TestTokens() {
    }

    /** A valid 15-minute token for {@code subject} with the given roles. */
    public static String token(String subject, String... roles) {
        return builder(subject, roles).sign();
    }

    /** A valid token for the customer {@code id}. */
    public static String customer(String id) {
        return token(id, "CUSTOMER");
    }

    /** A customer id no other test uses, e.g. {@code customer-3f1d0c8e-...}, so tests need not clean up. */
    public static String newCustomer() {
        return "customer-" + UUID.randomUUID();
    }

    /** A valid token for a member of staff with {@code role}; the subject is {@code staff-<role in lower case>}. */
    public static String staff(String role) {
        return token("staff-" + role.toLowerCase(Locale.ROOT), role);
    }

    public static Builder builder(String subject, String... roles) {
        return new Builder(subject, List.of(roles));
    }

    /** The JWKS the test tokens verify against, started on a free loopback port on first use. */
    public static URI jwksUri() {
        synchronized (LOCK) {
            if (jwksUri == null) {
                jwksUri = serveJwks();
            }
            return jwksUri;
        }
    }

    private static URI serveJwks() {
        String body = new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID(KEY_ID)
                .algorithm(JWSAlgorithm.RS256).build()).toString();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-jwks-stop"));
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the test JWKS", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tokens that must be wrong in one particular way. */
    public static final class Builder {

        private final String subject;
        private final List<String> roles;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private String keyId = KEY_ID;
        private Instant notBefore;
        private Instant expiresAt = Instant.now().plusSeconds(900);
        private KeyPair keys = KEYS;

        private Builder(String subject, List<String> roles) {
            this.subject = subject;
            this.roles = roles;
        }

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        public Builder audience(String value) {
            audience = value;
            return this;
        }

        public Builder keyId(String value) {
            keyId = value;
            return this;
        }

        public Builder expiresAt(Instant value) {
            expiresAt = value;
            return this;
        }

        public Builder notBefore(Instant value) {
            notBefore = value;
            return this;
        }

        /** Signs with a fresh key pair that no JWKS knows. */
        public Builder foreignKey() {
            keys = generate();
            return this;
        }

        public String sign() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .subject(subject).issuer(issuer).audience(audience)
                    .claim("roles", roles).claim("email", subject + "@example.com")
                    .issueTime(Date.from(Instant.now().minusSeconds(5)))
                    .expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString());
            if (notBefore != null) {
                claims.notBeforeTime(Date.from(notBefore));
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(),
                    claims.build());
            try {
                jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
