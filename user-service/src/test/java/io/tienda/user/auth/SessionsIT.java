package io.tienda.user.auth;

import com.nimbusds.jwt.SignedJWT;
import io.tienda.platform.testing.AllAtOnce;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.user.auth.domain.Secrets;
import io.tienda.user.support.Api;
import io.tienda.user.support.MutableClock;
import io.tienda.user.support.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Refresh-token rotation, reuse detection, logout and expiry: the session lifecycle. */
@UserServiceTest
class SessionsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aRefreshRotatesTheTokenWithinTheSameSession() throws Exception {
        Api.Account account = api.newAccount("rotate");
        String first = account.tokens().refresh();

        Api.Tokens second = api.refresh(first);

        assertThat(second.refresh()).isNotEqualTo(first);
        assertThat(sid(second.access())).isEqualTo(sid(account.tokens().access()));
        api.get("/api/v1/users/me", second.access()).expect(200);
        Map<String, Object> old = jdbc.sql("select used_at, family_id from refresh_tokens where token_hash = :h")
                .param("h", Secrets.sha256(first)).query().singleRow();
        assertThat(old.get("used_at")).isNotNull();
        assertThat(jdbc.sql("select count(*) from refresh_tokens where family_id = :f")
                .param("f", old.get("family_id")).query(Integer.class).single()).isEqualTo(2);
        // Stored hashed: the raw token appears nowhere.
        assertThat(jdbc.sql("select count(*) from refresh_tokens where token_hash = :raw")
                .param("raw", second.refresh().getBytes()).query(Integer.class).single()).isZero();
        api.refresh(second.refresh());
    }

    @Test
    void presentingAnExchangedTokenRevokesTheWholeSession() {
        Api.Account account = api.newAccount("reuse");
        String stolen = account.tokens().refresh();
        Api.Tokens legitimate = api.refresh(stolen);

        api.refreshReply(stolen).expectProblem(401, "invalid-refresh-token");

        // The legitimate holder's newer token died with the family.
        api.refreshReply(legitimate.refresh()).expectProblem(401, "invalid-refresh-token");
        assertThat(revocation(stolen)).isEqualTo("REUSE_DETECTED");
    }

    @Test
    void otherSessionsOfTheSameUserSurviveAReuse() {
        Api.Account account = api.newAccount("two-devices");
        Api.Tokens phone = api.login(account.email(), account.password());
        String stolen = account.tokens().refresh();
        api.refresh(stolen);

        api.refreshReply(stolen).expect(401);

        api.refresh(phone.refresh());
    }

    @Test
    void twoSimultaneousRefreshesWithOneTokenLetExactlyOneThroughAndRevokeTheSession() {
        Api.Account account = api.newAccount("race");
        String token = account.tokens().refresh();
        List<ApiReply> replies = AllAtOnce.run(2, i -> api.refreshReply(token));

        assertThat(replies).extracting(ApiReply::status).containsExactlyInAnyOrder(200, 401);
        // A client's race cannot be told from a thief's replay: the session ends, both must sign in again.
        ApiReply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        api.refreshReply(winner.text("refresh_token")).expectProblem(401, "invalid-refresh-token");
        assertThat(revocation(token)).isEqualTo("REUSE_DETECTED");
    }

    @Test
    void logoutEndsTheSessionAndIsIdempotent() {
        Api.Account account = api.newAccount("logout");
        Api.Tokens rotated = api.refresh(account.tokens().refresh());

        api.post("/api/v1/auth/logout", Map.of("refresh_token", rotated.refresh())).expect(204);

        api.refreshReply(rotated.refresh()).expectProblem(401, "invalid-refresh-token");
        api.post("/api/v1/auth/logout", Map.of("refresh_token", rotated.refresh())).expect(204);
        api.post("/api/v1/auth/logout", Map.of("refresh_token", Secrets.newToken())).expect(204);
        assertThat(revocation(rotated.refresh())).isEqualTo("LOGOUT");
    }

    @Test
    void aRefreshTokenExpiresAfterSevenDays() {
        Api.Account account = api.newAccount("week");
        String token = account.tokens().refresh();

        clock.advance(Duration.ofDays(7).plusSeconds(1));

        api.refreshReply(token).expectProblem(401, "invalid-refresh-token");
    }

    @Test
    void eachRefreshGivesTheSessionAnotherWeek() {
        Api.Account account = api.newAccount("keepalive");
        String token = account.tokens().refresh();

        clock.advance(Duration.ofDays(6));
        String renewed = api.refresh(token).refresh();
        clock.advance(Duration.ofDays(6));

        api.refresh(renewed);
    }

    @Test
    void unknownAndMalformedRefreshTokensAreTheSameRefusal() {
        api.refreshReply(Secrets.newToken()).expectProblem(401, "invalid-refresh-token");
        api.post("/api/v1/auth/refresh", Map.of()).expectProblem(400, "validation");
        api.post("/api/v1/auth/refresh", Map.of("refresh_token", "x".repeat(500))).expectProblem(400, "validation");
    }

    private String revocation(String refreshToken) {
        return jdbc.sql("""
                        select f.revoked_reason
                          from refresh_tokens t join refresh_token_families f on f.id = t.family_id
                         where t.token_hash = :h""")
                .param("h", Secrets.sha256(refreshToken)).query(String.class).single();
    }

    private static String sid(String accessToken) throws Exception {
        return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("sid");
    }
}
