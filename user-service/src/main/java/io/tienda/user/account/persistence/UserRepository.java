package io.tienda.user.account.persistence;

import io.tienda.platform.core.Page;
import io.tienda.user.account.domain.EmailAddresses;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.UserStatus;
import io.tienda.user.account.domain.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Users} in PostgreSQL. Emails are matched by their {@linkplain EmailAddresses#canonical canonical form},
 * computed here in Java and stored in {@code email_canonical} (unique) beside the address as typed; never by
 * the database's {@code lower()}, whose idea of case differs from Java's.
 */
@Repository
class UserRepository implements Users {

    private static final String COLUMNS = """
            id, email, display_name, phone, language, currency, marketing_consent, marketing_consent_at, roles,
            status, email_verified_at, created_at, updated_at""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<User> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id")
                .param("id", id)
                .query(UserRepository::user)
                .optional();
    }

    @Override
    public Optional<Credentials> findCredentialsById(UUID id) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from users where id = :id")
                .param("id", id)
                .query((rs, row) -> new Credentials(user(rs, row), rs.getString("password_hash")))
                .optional();
    }

    @Override
    public Optional<User> lockById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id for update")
                .param("id", id)
                .query(UserRepository::user)
                .optional();
    }

    @Override
    public Optional<Credentials> findCredentialsByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from users where email_canonical = :canonical")
                .param("canonical", EmailAddresses.canonical(email))
                .query((rs, row) -> new Credentials(user(rs, row), rs.getString("password_hash")))
                .optional();
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where email_canonical = :canonical")
                .param("canonical", EmailAddresses.canonical(email))
                .query(UserRepository::user)
                .optional();
    }

    @Override
    public boolean emailTaken(String email) {
        return jdbc.sql("select exists(select 1 from users where email_canonical = :canonical)")
                .param("canonical", EmailAddresses.canonical(email))
                .query(Boolean.class).single();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the email already has an account */
    @Override
    public void insert(NewUser user) {
        jdbc.sql("""
                        insert into users (id, email, email_canonical, password_hash, display_name, language, roles,
                                           email_verified_at, created_at, updated_at)
                        values (:id, :email, :canonical, :hash, :name, :language, :roles, :verified, :at, :at)""")
                .param("id", user.id()).param("email", user.email().strip())
                .param("canonical", EmailAddresses.canonical(user.email())).param("hash", user.passwordHash())
                .param("name", user.name()).param("language", user.language())
                .param("roles", user.roles().toArray(String[]::new))
                .param("verified", utc(user.emailVerifiedAt())).param("at", utc(user.createdAt()))
                .update();
    }

    @Override
    public void updatePassword(UUID id, String hash, Instant at) {
        jdbc.sql("""
                        update users set password_hash = :hash, password_changed_at = :at, updated_at = :at,
                                         version = version + 1
                         where id = :id""")
                .param("id", id).param("hash", hash).param("at", utc(at))
                .update();
    }

    @Override
    public void upgradeHash(UUID id, String oldHash, String newHash) {
        jdbc.sql("update users set password_hash = :new where id = :id and password_hash = :old")
                .param("id", id).param("old", oldHash).param("new", newHash)
                .update();
    }

    /**
     * Erasure (status ERASED) also replaces the password hash with a value no password matches and
     * records when it happened; nothing ever changes an erased account again.
     */
    @Override
    public void save(User user) {
        boolean erased = user.status() == UserStatus.ERASED;
        jdbc.sql("""
                        update users set email = :email,
                                         email_canonical = case when email = :email then email_canonical
                                                                else :canonical end,
                                         display_name = :name, phone = :phone, language = :language,
                                         currency = :currency, marketing_consent = :consent,
                                         marketing_consent_at = :consentAt, roles = :roles, status = :status,
                                         email_verified_at = :verified, updated_at = :at, version = version + 1,
                                         password_hash = case when :erased then '!erased' else password_hash end,
                                         erased_at = case when :erased then coalesce(erased_at, :at) else erased_at end
                         where id = :id""")
                .param("id", user.id()).param("email", user.email())
                .param("canonical", EmailAddresses.canonical(user.email())).param("name", user.name())
                .param("phone", user.phone()).param("language", user.language()).param("currency", user.currency())
                .param("consent", user.marketingConsent()).param("consentAt", utc(user.marketingConsentAt()))
                .param("roles", user.roles().toArray(String[]::new)).param("status", user.status().name())
                .param("verified", utc(user.emailVerifiedAt())).param("at", utc(user.updatedAt()))
                .param("erased", erased)
                .update();
    }

    @Override
    public Page<User> search(String query, String role, UserStatus status, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object[]> params = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            where.append(" and (email ilike :q escape '\\' or display_name ilike :q escape '\\')");
            params.add(new Object[] {"q", "%" + escapeLike(query.strip()) + "%"});
        }
        if (role != null) {
            where.append(" and :role = any(roles)");
            params.add(new Object[] {"role", role});
        }
        if (status != null) {
            where.append(" and status = :status");
            params.add(new Object[] {"status", status.name()});
        }
        var count = jdbc.sql("select count(*) from users" + where);
        var select = jdbc.sql("select " + COLUMNS + " from users" + where
                + " order by created_at desc, id limit :limit offset :offset");
        for (Object[] param : params) {
            count = count.param((String) param[0], param[1]);
            select = select.param((String) param[0], param[1]);
        }
        long total = count.query(Long.class).single();
        List<User> items = select.param("limit", size).param("offset", Page.offset(page, size))
                .query(UserRepository::user).list();
        return new Page<>(items, page, size, total);
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static User user(ResultSet rs, int row) throws SQLException {
        String[] roles = (String[]) rs.getArray("roles").getArray();
        return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                rs.getString("phone"), rs.getString("language"), rs.getString("currency"),
                rs.getBoolean("marketing_consent"), instant(rs, "marketing_consent_at"), Arrays.asList(roles),
                UserStatus.valueOf(rs.getString("status")), instant(rs, "email_verified_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
