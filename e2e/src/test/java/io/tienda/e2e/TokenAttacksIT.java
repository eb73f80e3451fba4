package io.tienda.e2e;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.tienda.e2e.Accounts.Account;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged and altered versions of a real token from user-service are refused with 401 at the
 * gateway, and at a service hit directly on its own port (each service is its own guard).
 */
@ExtendWith(Fleet.class)
class TokenAttacksIT {

    static Stream<Arguments> attacks() throws Exception {
        Accounts.Session customer = Accounts.session(Account.CUSTOMER_A);
        JWTClaimsSet real = SignedJWT.parse(customer.accessToken()).getJWTClaimsSet();
        JWTClaimsSet asAdmin = new JWTClaimsSet.Builder(real).claim("roles", List.of("ADMIN")).build();
        RSAKey published = (RSAKey) JWKSet.load(Fleet.gateway().resolve("/.well-known/jwks.json").toURL())
                .getKeys().get(0);
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(published.getKeyID()).generate();
        return Stream.of(
                Arguments.of("alg none", new PlainJWT(asAdmin).serialize()),
                Arguments.of("HS256 keyed with the published RSA key", hmac(asAdmin, published)),
                Arguments.of("signed by another key under the real kid", rsa(asAdmin, foreign, published.getKeyID())),
                Arguments.of("signed by another key under an unknown kid", rsa(asAdmin, foreign, "unknown-kid")),
                Arguments.of("expired", rsa(new JWTClaimsSet.Builder(real)
                        .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build(), foreign, "unknown-kid")),
                Arguments.of("tampered payload", tampered(customer.accessToken(), asAdmin)),
                Arguments.of("garbage", "eyJhbGciOiJSUzI1NiJ9.garbage.garbage"));
    }

    @ParameterizedTest(name = "{0} at the gateway")
    @MethodSource("attacks")
    void isRefusedAtTheGateway(String attack, String token) {
        assertRefused(Fleet.gateway(), token);
    }

    @ParameterizedTest(name = "{0} at order-service directly")
    @MethodSource("attacks")
    void isRefusedByAServiceHitDirectly(String attack, String token) {
        assertRefused(URI.create("http://localhost:8003"), token);
    }

    private static void assertRefused(URI base, String token) {
        Api.Reply reply = new Api(base).get("/api/v1/orders").bearer(token)
                .header("X-Forwarded-For", Accounts.randomClientAddress()).send();

        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
    }

    private static String hmac(JWTClaimsSet claims, RSAKey published) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
                claims);
        jwt.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
        return jwt.serialize();
    }

    private static String rsa(JWTClaimsSet claims, RSAKey key, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String tampered(String valid, JWTClaimsSet claims) {
        String[] parts = valid.split("\\.");
        return parts[0] + "." + Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
