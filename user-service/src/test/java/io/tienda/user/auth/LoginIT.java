package io.tienda.user.auth;

import com.nimbusds.jwt.SignedJWT;
import io.tienda.platform.security.SecurityAutoConfiguration;
import io.tienda.platform.security.SecurityProperties;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.user.auth.domain.Secrets;
import io.tienda.user.support.Api;
import io.tienda.user.support.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Password sign-in: the token it issues, what it refuses, and the audit it leaves. */
@UserServiceTest
class LoginIT {

    @Autowired
    JdbcClient jdbc;

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
    void aSignInAnswersRfc6749TokensThatAreNeverCached() {
        String email = Api.uniqueEmail("Lola");
        api.register(email, Api.PASSWORD);

        ApiReply reply = api.loginReply(email.toUpperCase(), Api.PASSWORD).expect(200);

        assertThat(reply.json().propertyNames()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in",
                "refresh_token");
        assertThat(reply.text("token_type")).isEqualTo("Bearer");
        assertThat(reply.json().get("expires_in").asInt()).isEqualTo(900);
        assertThat(reply.text("refresh_token")).matches("[A-Za-z0-9_-]{43}");
        assertThat(reply.headers().getCacheControl()).isEqualTo("no-store");
        assertThat(reply.headers().getPragma()).isEqualTo("no-cache");
    }

    @Test
    void theAccessTokenIsAnRs256JwtWithEveryClaimAndPassesThePlatformValidator() throws Exception {
        String email = Api.uniqueEmail("claims");
        UUID id = api.register(email, Api.PASSWORD);
        String access = api.login(email, Api.PASSWORD).access();

        SignedJWT parsed = SignedJWT.parse(access);
        assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(parsed.getHeader().getKeyID()).isNotBlank();

        // Exactly what every other service does: fetch the JWKS over HTTP, apply the platform's checks.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/.well-known/jwks.json")
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(SecurityAutoConfiguration.validator(security));
        Jwt jwt = decoder.decode(access);

        assertThat(jwt.getSubject()).isEqualTo(id.toString());
        assertThat(jwt.getClaimAsString("email")).isEqualTo(email);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CUSTOMER");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("tienda");
        assertThat(jwt.getAudience()).containsExactly("tienda-api");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.<Boolean>getClaim("email_verified")).isFalse();
        assertThat(UUID.fromString(jwt.getClaimAsString("sid"))).isNotNull();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anUnverifiedAccountMaySignInAndUseItsToken() {
        String email = Api.uniqueEmail("fresh");
        api.register(email, Api.PASSWORD);

        String access = api.login(email, Api.PASSWORD).access();

        api.get("/api/v1/users/me", access).expect(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        String email = Api.uniqueEmail("same");
        api.register(email, Api.PASSWORD);

        ApiReply wrongPassword = api.loginReply(email, "Wrong#Password1").expectProblem(401, "invalid-credentials");
        ApiReply unknownEmail = api.fromAnotherIp().loginReply(Api.uniqueEmail("nobody"), "Wrong#Password1")
                .expectProblem(401, "invalid-credentials");

        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));
        assertThat(wrongPassword.json().get("title")).isEqualTo(unknownEmail.json().get("title"));
        assertThat(wrongPassword.body()).doesNotContain("Wrong#Password1");
    }

    @Test
    void everyAttemptIsAudited() {
        String email = Api.uniqueEmail("audit");
        UUID id = api.register(email, Api.PASSWORD);
        String stranger = Api.uniqueEmail("stranger");

        api.loginReply(email, "Wrong#Password1").expect(401);
        api.login(email, Api.PASSWORD);
        api.loginReply(stranger, "Wrong#Password1").expect(401);

        List<Map<String, Object>> rows = jdbc.sql("""
                        select user_id, email_hash, ip, user_agent, outcome from login_audit
                         where ip = :ip order by id""")
                .param("ip", api.ip()).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("outcome"))
                .containsExactly("INVALID_CREDENTIALS", "SUCCESS", "INVALID_CREDENTIALS");
        assertThat(rows).extracting(r -> r.get("user_id")).containsExactly(id, id, null);
        assertThat(rows).extracting(r -> r.get("user_agent")).containsOnly("TiendaTest/1.0");
        assertThat(rows.get(2).get("email_hash")).isEqualTo(Secrets.emailHash(stranger));
        assertThat(rows.toString()).doesNotContain(stranger).doesNotContain(Api.PASSWORD);
    }

    @ParameterizedTest
    @CsvSource({
            "admin@tienda.local, Admin!2345, ADMIN",
            "manager@tienda.local, Manager!2345, MANAGER",
            "support@tienda.local, Support!2345, SUPPORT",
            "analyst@tienda.local, Analyst!2345, ANALYST",
            "ana@tienda.local, Customer!2345, CUSTOMER",
            "bruno@tienda.local, Customer!2345, CUSTOMER"})
    void theDemoAccountsExistVerifiedWithTheirRoles(String email, String password, String role) {
        String access = api.login(email, password).access();

        ApiReply me = api.get("/api/v1/users/me", access).expect(200);
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"" + role + "\"]");
        assertThat(me.json().get("emailVerified").asBoolean()).isTrue();
    }

    @Test
    void theBootstrapAdminExistsOnce() {
        String access = api.login(UserServiceTest.BOOTSTRAP_ADMIN, UserServiceTest.BOOTSTRAP_PASSWORD).access();

        assertThat(api.get("/api/v1/users/me", access).expect(200).json().get("roles").toString())
                .isEqualTo("[\"ADMIN\"]");
        assertThat(jdbc.sql("select count(*) from users where lower(email) = lower(:email)")
                .param("email", UserServiceTest.BOOTSTRAP_ADMIN).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void malformedSignInsAreValidationProblems() {
        api.post("/api/v1/auth/login", Map.of("email", "", "password", "x")).expectProblem(400, "validation");
        api.post("/api/v1/auth/login", Map.of("email", "a@b.c")).expectProblem(400, "validation");
        api.post("/api/v1/auth/login", Map.of("email", "a@b.c", "password", "x".repeat(2000)))
                .expectProblem(400, "validation");
    }

    @Test
    void anEmailWithControlCharactersIsRefusedBeforeAnythingIsCountedOrAudited() {
        String email = Api.uniqueEmail("nul");
        api.register(email, Api.PASSWORD);

        for (String typed : new String[] {email + "\u0000", email.replace("@", "\n@"), email + "\u2028"}) {
            ApiReply refused = api.loginReply(typed, Api.PASSWORD).expectProblem(400, "validation");
            assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                    .containsOnly("email");
        }
        ApiReply forgot = api.post("/api/v1/auth/forgot-password", Map.of("email", email + "\u0000"))
                .expectProblem(400, "validation");
        assertThat(forgot.json().get("errors").valueStream().map(e -> e.get("field").asString())).contains("email");

        assertThat(jdbc.sql("select count(*) from login_audit where ip = :ip").param("ip", api.ip())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from login_throttle where key in (:ip, :account)")
                .param("ip", "ip:" + api.ip()).param("account", LoginThrottle.accountKey(email))
                .query(Integer.class).single()).isZero();
        api.login(email, Api.PASSWORD);
    }

    @Test
    void anExpiredAccessTokenOnAPublicRouteIsIgnored() {
        String email = Api.uniqueEmail("stale");
        api.register(email, Api.PASSWORD);

        // A client whose access token is garbage (or expired) still reaches sign-in and refresh.
        api.send(HttpMethod.POST, "/api/v1/auth/login", "garbage",
                Map.of("email", email, "password", Api.PASSWORD)).expect(200);
        api.get("/api/v1/users/me", "garbage").expectProblem(401, "unauthorized");
    }
}
