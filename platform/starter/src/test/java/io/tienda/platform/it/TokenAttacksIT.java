package io.tienda.platform.it;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every forged, stale or misdirected token is refused with 401 by a service hit directly, without
 * the gateway in front: each service is its own guard.
 */
@Order(2)
class TokenAttacksIT extends StarterIT {

    static Stream<Arguments> attacks() throws Exception {
        String valid = TestTokens.token("mallory", "CUSTOMER");
        return Stream.of(
                Arguments.of("alg none (unsigned)", unsigned()),
                Arguments.of("HS256 signed with the RSA public key", hmacWithPublicKey()),
                Arguments.of("expired", TestTokens.builder("mallory", "CUSTOMER")
                        .expiresAt(Instant.now().minusSeconds(600)).sign()),
                Arguments.of("not yet valid", TestTokens.builder("mallory", "CUSTOMER")
                        .notBefore(Instant.now().plusSeconds(600)).sign()),
                Arguments.of("wrong issuer", TestTokens.builder("mallory", "CUSTOMER").issuer("evil").sign()),
                Arguments.of("wrong audience", TestTokens.builder("mallory", "CUSTOMER").audience("other").sign()),
                Arguments.of("unknown kid", TestTokens.builder("mallory", "CUSTOMER")
                        .keyId("not-in-the-jwks").foreignKey().sign()),
                Arguments.of("signed by another key under the known kid", TestTokens.builder("mallory", "CUSTOMER")
                        .foreignKey().sign()),
                Arguments.of("tampered payload (roles raised to ADMIN)", tamperedToAdmin(valid)),
                Arguments.of("garbage", "not.a.token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void isRefusedWith401(String attack, String token) {
        Reply reply = get("/api/v1/widgets/" + UUID.randomUUID(), token);

        assertThat(reply.status()).as(attack).isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("type").asString()).endsWith("/unauthorized");
    }

    private static String unsigned() {
        return new PlainJWT(claims()).serialize();
    }

    /** The key-confusion attack: the public key, which anyone can fetch, used as an HMAC secret. */
    private static String hmacWithPublicKey() throws Exception {
        JWKSet keys = JWKSet.load(new URL(TestTokens.jwksUri().toString()));
        RSAKey rsa = (RSAKey) keys.getKeys().get(0);
        byte[] secret = rsa.toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(rsa.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    /** Keeps the header and signature of a valid token and swaps in a payload claiming ADMIN. */
    private static String tamperedToAdmin(String valid) throws Exception {
        String[] parts = valid.split("\\.");
        JWTClaimsSet original = JWTClaimsSet.parse(Base64URL.from(parts[1]).decodeToString());
        JWTClaimsSet raised = new JWTClaimsSet.Builder(original).claim("roles", List.of("ADMIN")).build();
        String payload = Base64URL.encode(raised.toString().getBytes(StandardCharsets.UTF_8)).toString();
        return parts[0] + "." + payload + "." + parts[2];
    }

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder()
                .subject("mallory").issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("roles", List.of("ADMIN"))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }
}
