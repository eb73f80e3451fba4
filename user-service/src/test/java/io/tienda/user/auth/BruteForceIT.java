package io.tienda.user.auth;

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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throttling of failed sign-ins per account and per client IP: growing delays, lockouts that double,
 * 429 with Retry-After, and state in PostgreSQL. Time moves with the test clock, never by waiting.
 */
@UserServiceTest
class BruteForceIT {

    private static final String WRONG = "Wrong#Password1";

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
    void failuresOnOneAccountMakeItWaitLongerAndLongerThenLockItFromEveryAddress() {
        String email = Api.uniqueEmail("victim");
        api.register(email, Api.PASSWORD);

        api.loginReply(email, WRONG).expectProblem(401, "invalid-credentials");
        api.fromAnotherIp().loginReply(email, WRONG).expectProblem(401, "invalid-credentials");
        // The second failure costs a one-second wait, from any address.
        assertThat(retryAfter(api.fromAnotherIp().loginReply(email, WRONG))).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        api.fromAnotherIp().loginReply(email, WRONG).expect(401);
        assertThat(retryAfter(api.fromAnotherIp().loginReply(email, WRONG))).isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        api.fromAnotherIp().loginReply(email, WRONG).expect(401);
        assertThat(retryAfter(api.fromAnotherIp().loginReply(email, WRONG))).isEqualTo(4);
        clock.advance(Duration.ofSeconds(4));

        // The fifth failure in 15 minutes locks the account for 15 minutes, even for the right password.
        api.fromAnotherIp().loginReply(email, WRONG).expect(401);
        ApiReply locked = api.fromAnotherIp().loginReply(email, Api.PASSWORD);
        assertThat(retryAfter(locked)).isEqualTo(15 * 60);
        assertThat(locked.body()).doesNotContain(Api.PASSWORD);

        clock.advance(Duration.ofMinutes(15));
        api.login(email, Api.PASSWORD);
    }

    @Test
    void everySpellingThatReachesAnAccountIsThrottledWithIt() {
        String email = Api.uniqueEmail("lim");
        String dotted = email.replace("lim", "l\u0130m");
        String upper = email.toUpperCase(Locale.ROOT);
        String fullWidth = "\uFF4C" + email.substring(1);
        UUID id = api.register(email, Api.PASSWORD);
        // Each spelling reaches the same account...
        assertThat(accountOf(api.login(dotted, Api.PASSWORD))).isEqualTo(id.toString());
        assertThat(accountOf(api.login(fullWidth, Api.PASSWORD))).isEqualTo(id.toString());
        assertThat(LoginThrottle.accountKey(dotted)).isEqualTo(LoginThrottle.accountKey(email))
                .isEqualTo(LoginThrottle.accountKey(upper)).isEqualTo(LoginThrottle.accountKey(fullWidth));

        // ...so failures in any of them count together: the fifth locks the account in all of them.
        List<String> spellings = List.of(dotted, email, upper, fullWidth, dotted);
        for (int i = 0; i < spellings.size(); i++) {
            if (i > 0) {
                clock.advance(Duration.ofSeconds(10));
            }
            api.fromAnotherIp().loginReply(spellings.get(i), WRONG).expectProblem(401, "invalid-credentials");
        }

        for (String spelling : List.of(email, dotted, upper, fullWidth)) {
            assertThat(retryAfter(api.fromAnotherIp().loginReply(spelling, Api.PASSWORD))).isEqualTo(15 * 60);
        }
        assertThat(jdbc.sql("select count(*) from login_throttle where key = :k")
                .param("k", LoginThrottle.accountKey(email)).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select distinct email_hash from login_audit where user_id = :id or email_hash = :h")
                .param("id", id).param("h", Secrets.emailHash(email)).query(String.class).list())
                .containsExactly(Secrets.emailHash(email));
    }

    @Test
    void aSecondLockoutLastsTwiceAsLong() {
        String email = Api.uniqueEmail("twice");
        api.register(email, Api.PASSWORD);

        lockOut(email);
        clock.advance(Duration.ofMinutes(15));
        lockOut(email);

        assertThat(retryAfter(api.fromAnotherIp().loginReply(email, Api.PASSWORD))).isEqualTo(30 * 60);
    }

    @Test
    void theRightPasswordClearsTheAccountsFailures() {
        String email = Api.uniqueEmail("typo");
        api.register(email, Api.PASSWORD);
        api.loginReply(email, WRONG).expect(401);
        api.loginReply(email, WRONG).expect(401);
        clock.advance(Duration.ofSeconds(1));

        api.login(email, Api.PASSWORD);

        api.loginReply(email, WRONG).expect(401);
        api.login(email, Api.PASSWORD);
    }

    @Test
    void anUnknownEmailIsThrottledExactlyLikeAKnownOne() {
        String known = Api.uniqueEmail("known");
        api.register(known, Api.PASSWORD);
        String unknown = Api.uniqueEmail("unknown");

        List<Integer> knownStatuses = statuses(known);
        List<Integer> unknownStatuses = statuses(unknown);

        assertThat(unknownStatuses).isEqualTo(knownStatuses).containsExactly(401, 401, 429);
    }

    @Test
    void oneAddressFailingOnManyAccountsIsSlowedThenLockedOnItsOwn() {
        Api attacker = api.fromAnotherIp();
        for (int i = 0; i < 10; i++) {
            attacker.loginReply(Api.uniqueEmail("spray" + i), WRONG).expectProblem(401, "invalid-credentials");
        }
        // Beyond ten free failures per address in 15 minutes, each one costs a growing wait.
        attacker.loginReply(Api.uniqueEmail("spray"), WRONG).expect(401);
        assertThat(retryAfter(attacker.loginReply(Api.uniqueEmail("spray"), WRONG))).isEqualTo(1);
        for (int i = 0; i < 39; i++) {
            clock.advance(Duration.ofSeconds(10));
            attacker.loginReply(Api.uniqueEmail("spray"), WRONG).expect(401);
        }

        // The fiftieth failure locks the address: even a valid sign-in from it must wait.
        ApiReply locked = attacker.loginReply(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        assertThat(retryAfter(locked)).isEqualTo(15 * 60);
        // Other addresses are unaffected.
        api.fromAnotherIp().login(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
    }

    @Test
    void throttlingStateLivesInTheDatabaseAndEveryAttemptIsAudited() {
        String email = Api.uniqueEmail("stored");
        api.register(email, Api.PASSWORD);
        api.loginReply(email, WRONG).expect(401);
        api.loginReply(email, WRONG).expect(401);
        api.loginReply(email, WRONG).expect(429);

        Map<String, Object> account = jdbc.sql("select failures, next_attempt_at from login_throttle where key = :k")
                .param("k", LoginThrottle.accountKey(email)).query().singleRow();
        assertThat(account.get("failures")).isEqualTo(2);
        assertThat(account.get("next_attempt_at")).isNotNull();
        assertThat(jdbc.sql("select failures from login_throttle where key = :k")
                .param("k", "ip:" + api.ip()).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select outcome from login_audit where ip = :ip order by id").param("ip", api.ip())
                .query(String.class).list()).containsExactly("INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "THROTTLED");
    }

    @Test
    void xForwardedForIsBelievedOnlyAsTheLastHopFromATrustedProxy() {
        api.fromIp("203.0.113.9, 198.18.7.7").loginReply(Api.uniqueEmail("hops"), WRONG).expect(401);

        assertThat(jdbc.sql("select count(*) from login_audit where ip = '198.18.7.7'").query(Integer.class).single())
                .isPositive();
        assertThat(jdbc.sql("select count(*) from login_audit where ip = '203.0.113.9'").query(Integer.class).single())
                .isZero();
    }

    private List<Integer> statuses(String email) {
        return List.of(api.fromAnotherIp().loginReply(email, WRONG).status(),
                api.fromAnotherIp().loginReply(email, WRONG).status(),
                api.fromAnotherIp().loginReply(email, WRONG).status());
    }

    /** Five failures, each after its wait: the account ends up locked from the last one on. */
    private void lockOut(String email) {
        for (int i = 0; i < 5; i++) {
            if (i > 0) {
                clock.advance(Duration.ofSeconds(10));
            }
            api.fromAnotherIp().loginReply(email, WRONG).expect(401);
        }
    }

    private String accountOf(Api.Tokens tokens) {
        return api.get("/api/v1/users/me", tokens.access()).expect(200).text("id");
    }

    private static long retryAfter(ApiReply reply) {
        reply.expectProblem(429, "login-throttled");
        long header = Long.parseLong(reply.headers().getFirst("Retry-After"));
        assertThat(reply.json().get("retryAfterSeconds").asLong()).isEqualTo(header);
        return header;
    }
}
