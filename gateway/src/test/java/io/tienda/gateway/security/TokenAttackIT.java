package io.tienda.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.tienda.gateway.GatewayIT;
import io.tienda.gateway.TestJwks;
import io.tienda.platform.testing.security.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The well-known ways to forge or replay a bearer token, each answered at the gateway with a 401
 * problem that never reaches the service. The malicious tokens are built here, with the public key
 * an attacker can read from the JWKS like anyone else.
 */
class TokenAttackIT extends GatewayIT {

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        JWTClaimsSet claims = claims("mallory", "ADMIN");
        String unsigned = new PlainJWT(claims).serialize();
        String[] valid = TestTokens.token("mallory", "CUSTOMER").split("\\.");
        String noneKeepingTheSignature = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + valid[1] + "." + valid[2];
        String capitalisedNone = encode("{\"alg\":\"None\",\"kid\":\"" + TestTokens.KEY_ID + "\"}") + "."
                + encode(claims.toString()) + ".";

        assertRefused(Map.of("alg none", unsigned, "alg none, signature left on", noneKeepingTheSignature,
                "alg None", capitalisedNone));
    }

    @Test
    void hs256SignedWithThePublicKeyAsTheHmacSecretIsRefused() throws JOSEException {
        // The key-confusion attack: a verifier that lets the token pick the algorithm would check
        // this HMAC with the RSA public key it holds, which the attacker knows.
        RSAKey published = TestJwks.get().testTokensKey();
        byte[] der = published.toRSAPublicKey().getEncoded();
        byte[] pem = ("-----BEGIN PUBLIC KEY-----\n" + Base64.encode(der) + "\n-----END PUBLIC KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestTokens.KEY_ID).type(JOSEObjectType.JWT).build();

        SignedJWT withDer = new SignedJWT(header, claims("mallory", "ADMIN"));
        withDer.sign(new MACSigner(der));
        SignedJWT withPem = new SignedJWT(header, claims("mallory", "ADMIN"));
        withPem.sign(new MACSigner(pem));

        assertRefused(Map.of("HS256 keyed with the DER public key", withDer.serialize(),
                "HS256 keyed with the PEM public key", withPem.serialize()));
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(Map.of("expired 5 minutes ago",
                TestTokens.builder("alice", "CUSTOMER").expiresAt(Instant.now().minusSeconds(300)).sign()));
    }

    @Test
    void aTokenNotValidYetIsRefused() {
        assertRefused(Map.of("nbf in 5 minutes",
                TestTokens.builder("alice", "CUSTOMER").notBefore(Instant.now().plusSeconds(300)).sign()));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(Map.of("wrong issuer",
                TestTokens.builder("alice", "CUSTOMER").issuer("https://evil.example").sign()));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(Map.of("wrong audience",
                TestTokens.builder("alice", "CUSTOMER").audience("another-api").sign()));
    }

    @Test
    void aTokenSignedByAKeyTheJwksDoesNotHaveIsRefused() {
        RSAKey unpublished = TestJwks.newKey();
        assertRefused(Map.of(
                "unknown kid", sign(unpublished, claims("mallory", "ADMIN")),
                "real key, kid it is not published under",
                TestTokens.builder("mallory", "ADMIN").keyId("no-such-key").sign(),
                "other key, kid of the real one", TestTokens.builder("mallory", "ADMIN").foreignKey().sign()));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = TestTokens.token("alice", "CUSTOMER").split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"roles\":[\"CUSTOMER\"]");
        String promoted = payload.replace("\"roles\":[\"CUSTOMER\"]", "\"roles\":[\"ADMIN\"]");

        assertRefused(Map.of("roles changed, signature kept", parts[0] + "." + encode(promoted) + "." + parts[2]));
    }

    @Test
    void aKeyEmbeddedInTheTokenHeaderIsNeverTrusted() throws JOSEException {
        RSAKey attacker = TestJwks.newKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestTokens.KEY_ID)
                .jwk(attacker.toPublicJWK()).build(), claims("mallory", "ADMIN"));
        jwt.sign(new RSASSASigner(attacker));

        assertRefused(Map.of("jwk header", jwt.serialize()));
    }

    @Test
    void garbageIsRefused() {
        assertRefused(Map.of(
                "not a JWT", "not-a-jwt",
                "three empty parts", "..",
                "not base64", "%%%.^^^.***",
                "base64 but not JSON", encode("hello") + "." + encode("world") + "." + encode("sig"),
                "header only", encode("{\"alg\":\"RS256\",\"kid\":\"" + TestTokens.KEY_ID + "\"}")));
    }

    @Test
    void aTokenJustPastItsTimesIsAcceptedWithinTheClockSkew() {
        Instant now = Instant.now();
        String path = "/api/v1/orders/" + UUID.randomUUID();
        for (String token : List.of(
                TestJwks.get().sign(claims("alice", now.minusSeconds(920), now.minusSeconds(20), null)),
                TestJwks.get().sign(claims("alice", now, now.plusSeconds(900), now.plusSeconds(20))))) {
            client().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isOk();
        }
        assertThat(backends().at(path)).hasSize(2);
    }

    @Test
    void beyondTheClockSkewTheTimesHold() {
        Instant now = Instant.now();
        assertRefused(Map.of(
                "expired 90 s ago", TestJwks.get().sign(claims("alice", now.minusSeconds(990), now.minusSeconds(90), null)),
                "valid in 90 s", TestJwks.get().sign(claims("alice", now, now.plusSeconds(900), now.plusSeconds(90)))));
    }

    @Test
    void aTokenSignedByAKeyPublishedAfterTheGatewayCachedTheJwksIsAccepted() {
        client().get().uri("/api/v1/orders/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token("alice", "CUSTOMER")).exchange()
                .expectStatus().isOk();
        int fetchesBefore = TestJwks.get().fetches();
        RSAKey rotated = TestJwks.newKey();
        TestJwks.get().publish(rotated);
        String token = sign(rotated, claims("bob", "CUSTOMER"));
        String path = "/api/v1/orders/" + UUID.randomUUID();

        // At once, unless another test made the gateway fetch the JWKS within the last refetch interval.
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                client().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                        .expectStatus().isOk());

        assertThat(TestJwks.get().fetches()).as("the unknown kid made the gateway fetch the JWKS again")
                .isGreaterThan(fetchesBefore);
        assertThat(backends().at(path)).singleElement().satisfies(received ->
                assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token));
    }

    private void assertRefused(Map<String, String> tokens) {
        tokens.forEach((why, token) -> {
            String path = "/api/v1/orders/" + UUID.randomUUID();
            var response = client().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
            response.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                    challenge -> assertThat(challenge).as(why).startsWith("Bearer").contains("invalid_token"));
            assertProblem(response, 401, "unauthorized", path);
            assertThat(backends().at(path)).as(why).isEmpty();
        });
    }

    /** Claims as user-service writes them, valid for 15 minutes. */
    private static JWTClaimsSet claims(String subject, String... roles) {
        Instant now = Instant.now();
        return claims(subject, now.minusSeconds(5), now.plusSeconds(900), null, roles);
    }

    private static JWTClaimsSet claims(String subject, Instant issuedAt, Instant expiresAt, Instant notBefore,
                                       String... roles) {
        return new JWTClaimsSet.Builder()
                .subject(subject).issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("roles", List.of(roles)).claim("email", subject + "@example.com")
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .notBeforeTime(notBefore == null ? null : Date.from(notBefore))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        return TestJwks.sign(key, claims);
    }

    private static String encode(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
