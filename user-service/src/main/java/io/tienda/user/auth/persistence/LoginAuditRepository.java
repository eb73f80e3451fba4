package io.tienda.user.auth.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.tienda.user.auth.persistence.Times.instant;
import static io.tienda.user.auth.persistence.Times.utc;

/** One row per sign-in attempt. */
@Repository
public class LoginAuditRepository {

    private static final int MAX_USER_AGENT = 512;

    /**
     * The rows of an account: those with its id, those under the hash of its email (attempts that were
     * throttled or made before the account existed carry no id), and those under any other hash that
     * was ever recorded with its id (an address spelled in a way that reached the account before emails
     * had one canonical form).
     */
    private static final String OF_ACCOUNT = """
            user_id = :user or email_hash = :email
             or email_hash in (select email_hash from login_audit where user_id = :user and email_hash is not null)""";

    private final JdbcClient jdbc;

    LoginAuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public enum Outcome {
        SUCCESS,
        /** Unknown email or wrong password: deliberately one outcome, as for the caller. */
        INVALID_CREDENTIALS,
        THROTTLED,
        DEACTIVATED
    }

    public record Entry(UUID userId, String ip, String userAgent, Outcome outcome, Instant at) {
    }

    public void record(UUID userId, String emailHash, String ip, String userAgent, Outcome outcome, Instant at) {
        String agent = userAgent == null || userAgent.length() <= MAX_USER_AGENT
                ? userAgent : userAgent.substring(0, MAX_USER_AGENT);
        jdbc.sql("""
                        insert into login_audit (user_id, email_hash, ip, user_agent, outcome, at)
                        values (:user, :email, :ip, :agent, :outcome, :at)""")
                .param("user", userId).param("email", emailHash).param("ip", ip).param("agent", agent)
                .param("outcome", outcome.name()).param("at", utc(at))
                .update();
    }

    /** The user's sign-ins, and the failed attempts on their email before or without a known account. */
    public List<Entry> of(UUID userId, String emailHash) {
        return jdbc.sql("select user_id, ip, user_agent, outcome, at from login_audit where " + OF_ACCOUNT
                        + " order by at, id")
                .param("user", userId).param("email", emailHash)
                .query((rs, row) -> new Entry(rs.getObject("user_id", UUID.class), rs.getString("ip"),
                        rs.getString("user_agent"), Outcome.valueOf(rs.getString("outcome")), instant(rs, "at")))
                .list();
    }

    /** Erasure: keeps that attempts happened, drops who and from where. */
    public void anonymise(UUID userId, String emailHash) {
        jdbc.sql("update login_audit set email_hash = null, ip = null, user_agent = null where " + OF_ACCOUNT)
                .param("user", userId).param("email", emailHash)
                .update();
    }

    public int deleteOlderThan(Instant before) {
        return jdbc.sql("delete from login_audit where at < :before").param("before", utc(before)).update();
    }
}
