package io.tienda.user.account.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.tienda.user.account.persistence.UserRepository.instant;
import static io.tienda.user.account.persistence.UserRepository.utc;

/** The history of consents: each grant and withdrawal, kept as proof of what was agreed and when. */
@Repository
public class ConsentRepository {

    public static final String MARKETING = "MARKETING";

    private final JdbcClient jdbc;

    ConsentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ConsentEvent(String purpose, boolean granted, Instant at) {
    }

    public void record(UUID userId, String purpose, boolean granted, Instant at) {
        jdbc.sql("insert into consent_events (user_id, purpose, granted, at) values (:user, :purpose, :granted, :at)")
                .param("user", userId).param("purpose", purpose).param("granted", granted).param("at", utc(at))
                .update();
    }

    public List<ConsentEvent> history(UUID userId) {
        return jdbc.sql("select purpose, granted, at from consent_events where user_id = :user order by at, id")
                .param("user", userId)
                .query((rs, row) -> new ConsentEvent(rs.getString("purpose"), rs.getBoolean("granted"),
                        instant(rs, "at")))
                .list();
    }

    public void deleteAll(UUID userId) {
        jdbc.sql("delete from consent_events where user_id = :user").param("user", userId).update();
    }
}
