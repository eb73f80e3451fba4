package io.tienda.user.auth.persistence;

import io.tienda.user.auth.domain.Throttle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import static io.tienda.user.auth.persistence.Times.instant;
import static io.tienda.user.auth.persistence.Times.utc;

/** Sign-in throttling state per key, shared by every replica. */
@Repository
public class ThrottleRepository {

    private final JdbcClient jdbc;

    ThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Throttle find(String key) {
        return jdbc.sql("select * from login_throttle where key = :key").param("key", key)
                .query(ThrottleRepository::throttle).optional().orElse(Throttle.NONE);
    }

    /** The state of {@code key}, locked until the transaction ends so concurrent failures count one by one. */
    public Throttle lock(String key) {
        jdbc.sql("insert into login_throttle (key) values (:key) on conflict (key) do nothing").param("key", key)
                .update();
        return jdbc.sql("select * from login_throttle where key = :key for update").param("key", key)
                .query(ThrottleRepository::throttle).single();
    }

    public void save(String key, Throttle state) {
        jdbc.sql("""
                        update login_throttle set failures = :failures, window_started_at = :window,
                                                  last_failure_at = :last, lockouts = :lockouts,
                                                  locked_until = :locked, next_attempt_at = :next
                         where key = :key""")
                .param("key", key).param("failures", state.failures()).param("window", utc(state.windowStartedAt()))
                .param("last", utc(state.lastFailureAt())).param("lockouts", state.lockouts())
                .param("locked", utc(state.lockedUntil())).param("next", utc(state.nextAttemptAt()))
                .update();
    }

    public void delete(String key) {
        jdbc.sql("delete from login_throttle where key = :key").param("key", key).update();
    }

    /** Maintenance: keys without failures since {@code before} and not locked any more. */
    public int deleteIdle(Instant before) {
        return jdbc.sql("""
                        delete from login_throttle
                         where (last_failure_at is null or last_failure_at < :before)
                           and (locked_until is null or locked_until < :before)""")
                .param("before", utc(before))
                .update();
    }

    private static Throttle throttle(ResultSet rs, int row) throws SQLException {
        return new Throttle(rs.getInt("failures"), instant(rs, "window_started_at"), instant(rs, "last_failure_at"),
                rs.getInt("lockouts"), instant(rs, "locked_until"), instant(rs, "next_attempt_at"));
    }
}
