package io.tienda.user.maintenance;

import io.tienda.user.auth.domain.Secrets;
import io.tienda.user.support.Api;
import io.tienda.user.support.MutableClock;
import io.tienda.user.support.UserServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What nobody can use any more is deleted: expired sessions and tokens, idle throttles, old audit rows. */
@UserServiceTest
class HousekeepingIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Housekeeping housekeeping;

    @LocalServerPort
    int port;

    @Test
    void expiredSessionsTokensThrottlesAndOldAuditRowsGo() {
        Api api = new Api(port);
        Api.Account account = api.newAccount("housekeeping");
        api.loginReply(account.email(), "Wrong#Password1").expect(401);

        housekeeping.run();
        assertThat(sessions(account.id())).isEqualTo(1);
        assertThat(throttles(api.ip())).isEqualTo(1);

        clock.advance(Duration.ofDays(9));
        housekeeping.run();

        assertThat(sessions(account.id())).isZero();
        assertThat(jdbc.sql("select count(*) from one_time_tokens where user_id = :u").param("u", account.id())
                .query(Integer.class).single()).isZero();
        assertThat(throttles(api.ip())).isZero();
        assertThat(audit(account.id())).isEqualTo(2);

        clock.advance(Duration.ofDays(180));
        housekeeping.run();

        assertThat(audit(account.id())).isZero();
        assertThat(jdbc.sql("select count(*) from users where id = :u").param("u", account.id())
                .query(Integer.class).single()).isEqualTo(1);
        api.refreshReply(account.tokens().refresh()).expectProblem(401, "invalid-refresh-token");
        assertThat(jdbc.sql("select count(*) from refresh_tokens where token_hash = :h")
                .param("h", Secrets.sha256(account.tokens().refresh())).query(Integer.class).single()).isZero();
    }

    private int sessions(UUID userId) {
        return jdbc.sql("select count(*) from refresh_token_families where user_id = :u").param("u", userId)
                .query(Integer.class).single();
    }

    private int throttles(String ip) {
        return jdbc.sql("select count(*) from login_throttle where key = :k").param("k", "ip:" + ip)
                .query(Integer.class).single();
    }

    private int audit(UUID userId) {
        return jdbc.sql("select count(*) from login_audit where user_id = :u").param("u", userId)
                .query(Integer.class).single();
    }
}
