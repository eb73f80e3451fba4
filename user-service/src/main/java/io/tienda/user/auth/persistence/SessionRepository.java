package io.tienda.user.auth.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.tienda.user.auth.persistence.Times.instant;
import static io.tienda.user.auth.persistence.Times.utc;

/** Refresh-token families (sessions) and their tokens, stored by SHA-256 hash. */
@Repository
public class SessionRepository {

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A refresh token found by its hash, with its family, locked until the transaction ends. */
    public record LockedToken(byte[] hash, UUID familyId, UUID userId, Instant expiresAt, Instant usedAt,
            Instant familyRevokedAt) {
    }

    /** A session as its owner sees it in their data export. */
    public record Session(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String ip,
            String userAgent, Instant revokedAt, String revokedReason) {
    }

    public void createFamily(UUID id, UUID userId, Instant now, Instant expiresAt, String ip, String userAgent) {
        jdbc.sql("""
                        insert into refresh_token_families (id, user_id, created_at, last_used_at, expires_at, ip,
                                                            user_agent)
                        values (:id, :user, :now, :now, :expires, :ip, :agent)""")
                .param("id", id).param("user", userId).param("now", utc(now)).param("expires", utc(expiresAt))
                .param("ip", ip).param("agent", userAgent)
                .update();
    }

    public void insertToken(byte[] hash, UUID familyId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                        insert into refresh_tokens (token_hash, family_id, issued_at, expires_at)
                        values (:hash, :family, :issued, :expires)""")
                .param("hash", hash).param("family", familyId).param("issued", utc(issuedAt))
                .param("expires", utc(expiresAt))
                .update();
    }

    /**
     * Locks the token row and its family row: two refreshes with the same token, or with two tokens of
     * one family, run one after the other, and the second sees what the first did.
     */
    public Optional<LockedToken> lockToken(byte[] hash) {
        return jdbc.sql("""
                        select t.token_hash, t.family_id, f.user_id, t.expires_at, t.used_at, f.revoked_at
                          from refresh_tokens t join refresh_token_families f on f.id = t.family_id
                         where t.token_hash = :hash
                           for update of t, f""")
                .param("hash", hash)
                .query((rs, row) -> new LockedToken(rs.getBytes("token_hash"), rs.getObject("family_id", UUID.class),
                        rs.getObject("user_id", UUID.class), instant(rs, "expires_at"), instant(rs, "used_at"),
                        instant(rs, "revoked_at")))
                .optional();
    }

    public void markUsed(byte[] hash, Instant at) {
        jdbc.sql("update refresh_tokens set used_at = :at where token_hash = :hash")
                .param("hash", hash).param("at", utc(at))
                .update();
    }

    public void touchFamily(UUID familyId, Instant at, Instant expiresAt) {
        jdbc.sql("update refresh_token_families set last_used_at = :at, expires_at = :expires where id = :id")
                .param("id", familyId).param("at", utc(at)).param("expires", utc(expiresAt))
                .update();
    }

    public int revokeFamily(UUID familyId, String reason, Instant at) {
        return jdbc.sql("""
                        update refresh_token_families set revoked_at = :at, revoked_reason = :reason
                         where id = :id and revoked_at is null""")
                .param("id", familyId).param("reason", reason).param("at", utc(at))
                .update();
    }

    /** Revokes every live session of the user except {@code keep} (null keeps none). */
    public int revokeAllOf(UUID userId, UUID keep, String reason, Instant at) {
        return jdbc.sql("""
                        update refresh_token_families set revoked_at = :at, revoked_reason = :reason
                         where user_id = :user and revoked_at is null
                           and (cast(:keep as uuid) is null or id <> :keep)""")
                .param("user", userId).param("keep", keep).param("reason", reason).param("at", utc(at))
                .update();
    }

    public Optional<UUID> familyOwner(UUID familyId) {
        return jdbc.sql("select user_id from refresh_token_families where id = :id").param("id", familyId)
                .query(UUID.class).optional();
    }

    public List<Session> sessionsOf(UUID userId) {
        return jdbc.sql("""
                        select id, created_at, last_used_at, expires_at, ip, user_agent, revoked_at, revoked_reason
                          from refresh_token_families where user_id = :user order by created_at, id""")
                .param("user", userId)
                .query((rs, row) -> new Session(rs.getObject("id", UUID.class), instant(rs, "created_at"),
                        instant(rs, "last_used_at"), instant(rs, "expires_at"), rs.getString("ip"),
                        rs.getString("user_agent"), instant(rs, "revoked_at"), rs.getString("revoked_reason")))
                .list();
    }

    /** Erasure: sessions and their tokens go entirely (their IPs and user agents are personal data). */
    public void deleteAllOf(UUID userId) {
        jdbc.sql("delete from refresh_token_families where user_id = :user").param("user", userId).update();
    }

    /** Maintenance: sessions that can no longer be refreshed, with their tokens. */
    public int deleteExpired(Instant before) {
        return jdbc.sql("delete from refresh_token_families where expires_at < :before")
                .param("before", utc(before))
                .update();
    }
}
