package io.tienda.user.auth.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

import static io.tienda.user.auth.persistence.Times.instant;
import static io.tienda.user.auth.persistence.Times.utc;

/** Forgot-password requests waiting for the worker. */
@Repository
public class PasswordResetRequestRepository {

    private final JdbcClient jdbc;

    PasswordResetRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Request(long id, String email, Instant requestedAt) {

        @Override
        public String toString() {
            return "Request[id=" + id + "]";
        }
    }

    public void enqueue(String email, Instant at) {
        jdbc.sql("insert into password_reset_requests (email, requested_at) values (:email, :at)")
                .param("email", email).param("at", utc(at))
                .update();
    }

    /** The oldest waiting requests, locked; requests another replica is working on are skipped. */
    public List<Request> claim(int limit) {
        return jdbc.sql("""
                        select id, email, requested_at from password_reset_requests
                         order by id limit :limit for update skip locked""")
                .param("limit", limit)
                .query((rs, row) -> new Request(rs.getLong("id"), rs.getString("email"), instant(rs, "requested_at")))
                .list();
    }

    public void delete(long id) {
        jdbc.sql("delete from password_reset_requests where id = :id").param("id", id).update();
    }
}
