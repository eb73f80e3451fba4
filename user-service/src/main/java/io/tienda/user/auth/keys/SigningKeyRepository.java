package io.tienda.user.auth.keys;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code signing_keys} table. Keys come back still encrypted; {@link SigningKeys} decrypts them. */
@Repository
class SigningKeyRepository {

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key row as stored. */
    record StoredKey(String kid, byte[] publicKey, byte[] encryptedPrivateKey, String kekId, Instant createdAt,
            Instant retiredAt) {
    }

    /** Serializes key creation and rotation across replicas for the rest of the transaction. */
    void lockForChange() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('tienda.signing_keys'))").query((rs, row) -> 1).list();
    }

    Optional<StoredKey> current() {
        return jdbc.sql("select * from signing_keys where retired_at is null").query(SigningKeyRepository::key)
                .optional();
    }

    /** The current key, keys retired after {@code retiredSince}, and always the most recently retired one. */
    List<StoredKey> published(Instant retiredSince) {
        return jdbc.sql("""
                        select * from signing_keys
                         where retired_at is null
                            or retired_at > :since
                            or kid = (select kid from signing_keys where retired_at is not null
                                       order by retired_at desc limit 1)
                         order by created_at desc""")
                .param("since", utc(retiredSince))
                .query(SigningKeyRepository::key)
                .list();
    }

    void insert(String kid, byte[] publicKey, byte[] encryptedPrivateKey, String kekId, Instant createdAt) {
        jdbc.sql("""
                        insert into signing_keys (kid, public_key, private_key, kek_id, created_at)
                        values (:kid, :public, :private, :kek, :at)""")
                .param("kid", kid).param("public", publicKey).param("private", encryptedPrivateKey)
                .param("kek", kekId).param("at", utc(createdAt))
                .update();
    }

    /** Retires the current key and forgets its private half: it will never sign again. */
    void retireCurrent(Instant at) {
        jdbc.sql("update signing_keys set retired_at = :at, private_key = null where retired_at is null")
                .param("at", utc(at))
                .update();
    }

    private static StoredKey key(ResultSet rs, int row) throws SQLException {
        OffsetDateTime retired = rs.getObject("retired_at", OffsetDateTime.class);
        return new StoredKey(rs.getString("kid"), rs.getBytes("public_key"), rs.getBytes("private_key"),
                rs.getString("kek_id"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                retired == null ? null : retired.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
