package io.tienda.user.auth.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static io.tienda.user.auth.persistence.Times.utc;

/** Email verification and password reset tokens, by SHA-256 hash; each works once, until it expires. */
@Repository
public class OneTimeTokenRepository {

    public static final String VERIFY_EMAIL = "VERIFY_EMAIL";
    public static final String RESET_PASSWORD = "RESET_PASSWORD";

    private final JdbcClient jdbc;

    OneTimeTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new token and invalidates the user's earlier tokens of the same purpose: only the newest link works. */
    public void replace(byte[] hash, UUID userId, String purpose, Instant now, Instant expiresAt) {
        invalidate(userId, purpose, now);
        jdbc.sql("""
                        insert into one_time_tokens (token_hash, user_id, purpose, created_at, expires_at)
                        values (:hash, :user, :purpose, :now, :expires)""")
                .param("hash", hash).param("user", userId).param("purpose", purpose).param("now", utc(now))
                .param("expires", utc(expiresAt))
                .update();
    }

    /** Stops every unused token of the user for {@code purpose} from working. */
    public void invalidate(UUID userId, String purpose, Instant now) {
        jdbc.sql("""
                        update one_time_tokens set used_at = :now
                         where user_id = :user and purpose = :purpose and used_at is null""")
                .param("user", userId).param("purpose", purpose).param("now", utc(now))
                .update();
    }

    /**
     * Uses the token if it is unused, unexpired and of {@code purpose}, in one statement, so two
     * concurrent uses cannot both succeed. Answers whose token it was.
     */
    public Optional<UUID> consume(byte[] hash, String purpose, Instant now) {
        return jdbc.sql("""
                        update one_time_tokens set used_at = :now
                         where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                        returning user_id""")
                .param("hash", hash).param("purpose", purpose).param("now", utc(now))
                .query(UUID.class).optional();
    }

    /** Whose the token is, if it is still usable; does not use it. */
    public Optional<UUID> peek(byte[] hash, String purpose, Instant now) {
        return jdbc.sql("""
                        select user_id from one_time_tokens
                         where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
                .param("hash", hash).param("purpose", purpose).param("now", utc(now))
                .query(UUID.class).optional();
    }

    /** How many tokens of {@code purpose} the user got since {@code since}: bounds reset mails per hour. */
    public int issuedSince(UUID userId, String purpose, Instant since) {
        return jdbc.sql("""
                        select count(*) from one_time_tokens
                         where user_id = :user and purpose = :purpose and created_at > :since""")
                .param("user", userId).param("purpose", purpose).param("since", utc(since))
                .query(Integer.class).single();
    }

    public void deleteAllOf(UUID userId) {
        jdbc.sql("delete from one_time_tokens where user_id = :user").param("user", userId).update();
    }

    public int deleteExpired(Instant before) {
        return jdbc.sql("delete from one_time_tokens where expires_at < :before").param("before", utc(before))
                .update();
    }
}
