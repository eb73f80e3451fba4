package io.tienda.user.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tienda.platform.security.SecurityAutoConfiguration;
import io.tienda.platform.security.SecurityProperties;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.security.TestTokens;
import io.tienda.user.auth.keys.AccessTokens;
import io.tienda.user.auth.keys.SigningKeys;
import io.tienda.user.support.Api;
import io.tienda.user.support.MutableClock;
import io.tienda.user.support.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing keys: shared through PostgreSQL, encrypted at rest, published as a JWKS, rotated without
 * breaking anyone's session.
 */
@UserServiceTest
class SigningKeysIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    SigningKeys keys;

    @Autowired
    AccessTokens accessTokens;

    @Autowired
    SecurityProperties security;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void theJwksIsPublicCacheableAndHoldsOnlyPublicKeys() {
        ApiReply jwks = api.get("/.well-known/jwks.json", null).expect(200);

        assertThat(jwks.headers().getCacheControl()).contains("max-age=300").contains("public");
        assertThat(jwks.json().get("keys").size()).isPositive();
        jwks.json().get("keys").valueStream().forEach(key -> {
            assertThat(key.get("kty").asString()).isEqualTo("RSA");
            assertThat(key.get("alg").asString()).isEqualTo("RS256");
            assertThat(key.get("use").asString()).isEqualTo("sig");
            assertThat(key.get("kid").asString()).isNotBlank();
            assertThat(key.has("d")).isFalse();
            assertThat(key.has("p")).isFalse();
            assertThat(key.get("n").asString().length()).isGreaterThanOrEqualTo(342);
        });
    }

    @Test
    void privateKeysAreStoredEncryptedAndOnlyTheCurrentKeyKeepsOne() {
        List<Map<String, Object>> rows = jdbc.sql(
                "select kid, private_key, retired_at, kek_id from signing_keys").query().listOfRows();

        assertThat(rows).filteredOn(r -> r.get("retired_at") == null).hasSize(1);
        assertThat(rows).filteredOn(r -> r.get("retired_at") != null).allMatch(r -> r.get("private_key") == null);
        byte[] current = (byte[]) rows.stream().filter(r -> r.get("retired_at") == null).findFirst().orElseThrow()
                .get("private_key");
        // What is stored is AES-GCM output (nonce, ciphertext, tag), not a key anyone could load.
        assertThat(current.length).isGreaterThan(1200);
        assertThatThrownBy(() -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(current)))
                .isInstanceOf(InvalidKeySpecException.class);
    }

    @Test
    void rotationKeepsEarlierTokensValidAndPublishesBothKeys() throws Exception {
        Api.Account account = api.newAccount("rotation");
        String before = account.tokens().access();
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        String admin = api.admin().access();

        ApiReply rotated = api.post("/api/v1/auth/keys/rotate", admin, null).expect(201);
        String newKid = rotated.text("kid");

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(rotated.json().get("publishedKids").valueStream().map(n -> n.asString()))
                .contains(newKid, oldKid);
        List<String> published = api.get("/.well-known/jwks.json", null).json().get("keys").valueStream()
                .map(k -> k.get("kid").asString()).toList();
        assertThat(published).contains(newKid, oldKid);

        // The token signed before the rotation still works, here and for any service reading the JWKS.
        api.get("/api/v1/users/me", before).expect(200);
        remoteDecoder().decode(before);
        String after = api.refresh(account.tokens().refresh()).access();
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        remoteDecoder().decode(after);
    }

    @Test
    void aRetiredKeyLeavesTheJwksOnceItsTokensHaveExpiredButThePreviousKeyStays() throws Exception {
        String admin = api.admin().access();
        String first = api.post("/api/v1/auth/keys/rotate", admin, null).expect(201).text("kid");
        String second = api.post("/api/v1/auth/keys/rotate", admin, null).expect(201).text("kid");
        String third = api.post("/api/v1/auth/keys/rotate", admin, null).expect(201).text("kid");

        assertThat(kids()).contains(first, second, third);

        // 15 minutes of token life, 30 s for replicas to notice, 60 s of clock skew.
        clock.advance(Duration.ofMinutes(17).plusSeconds(31));

        assertThat(kids()).contains(second, third).doesNotContain(first);
    }

    @Test
    void onlyAdminsRotate() {
        Api.Account customer = api.newAccount("no-rotate");
        String manager = api.login("manager@tienda.local", "Manager!2345").access();

        api.post("/api/v1/auth/keys/rotate", customer.tokens().access(), null).expectProblem(403, "forbidden");
        api.post("/api/v1/auth/keys/rotate", manager, null).expectProblem(403, "forbidden");
        api.post("/api/v1/auth/keys/rotate", null, null).expectProblem(401, "unauthorized");
    }

    @Test
    void aKeyOlderThanNinetyDaysIsRotatedAutomatically() {
        // Other tests may already have moved the clock past the age limit: start from a due-free key.
        keys.rotateIfDue();
        String current = currentKid();
        keys.rotateIfDue();
        assertThat(currentKid()).isEqualTo(current);

        clock.advance(Duration.ofDays(91));
        keys.rotateIfDue();

        assertThat(currentKid()).isNotEqualTo(current);
    }

    @Test
    void tokensSignedElsewhereOrWithWrongClaimsAreRefused() throws Exception {
        Api.Account account = api.newAccount("forged");
        String kid = SignedJWT.parse(account.tokens().access()).getHeader().getKeyID();

        // The platform's test tokens come from a key this service has never published.
        api.get("/api/v1/users/me", TestTokens.customer(account.id().toString())).expectProblem(401, "unauthorized");
        // Same kid, foreign key: the signature fails.
        api.get("/api/v1/users/me", foreign(account.id(), kid, "tienda", "tienda-api"))
                .expectProblem(401, "unauthorized");
        // Right key, wrong audience or issuer.
        var subject = new AccessTokens.Subject(account.id().toString(), account.email(), false, List.of("CUSTOMER"));
        String valid = accessTokens.issue(subject, null).token();
        api.get("/api/v1/users/me", valid).expect(200);
        api.get("/api/v1/users/me", valid.substring(0, valid.length() - 4) + "AAAA").expectProblem(401, "unauthorized");
    }

    @Test
    void issuedTokensPassThePlatformValidatorWithTheLocalDecoderWhichKeepsThem(@Autowired JwtDecoder decoder) {
        var subject = new AccessTokens.Subject(UUID.randomUUID().toString(), "x@example.com", true, List.of("ANALYST"));
        var issued = accessTokens.issue(subject, UUID.randomUUID());

        var jwt = decoder.decode(issued.token());

        assertThat(SecurityAutoConfiguration.validator(security).validate(jwt).hasErrors()).isFalse();
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ANALYST");
        // verified once, then kept for a minute like in every other service
        assertThat(decoder.decode(issued.token())).isSameAs(jwt);
    }

    private List<String> kids() {
        return api.get("/.well-known/jwks.json", null).json().get("keys").valueStream()
                .map(k -> k.get("kid").asString()).toList();
    }

    private String currentKid() {
        return jdbc.sql("select kid from signing_keys where retired_at is null").query(String.class).single();
    }

    private JwtDecoder remoteDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/.well-known/jwks.json")
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(SecurityAutoConfiguration.validator(security));
        return decoder;
    }

    private static String foreign(UUID subject, String kid, String issuer, String audience) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder().subject(subject.toString()).issuer(issuer).audience(audience)
                        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000))
                        .claim("roles", List.of("ADMIN")).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
        return jwt.serialize();
    }
}
