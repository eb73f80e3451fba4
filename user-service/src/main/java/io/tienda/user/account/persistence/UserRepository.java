package io.tienda.user.account.persistence;

import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.UserStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Accounts in PostgreSQL. */
@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> findById(UUID id) {
        return jdbc.sql("""
                        select id, email, display_name, roles, status, email_verified_at, created_at, updated_at
                          from users where id = :id""")
                .param("id", id)
                .query(UserRepository::user)
                .optional();
    }

    private static User user(ResultSet rs, int row) throws SQLException {
        String[] roles = (String[]) rs.getArray("roles").getArray();
        return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                Arrays.asList(roles), UserStatus.valueOf(rs.getString("status")),
                instant(rs, "email_verified_at"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
