package io.tienda.user.account.persistence;

import io.tienda.user.account.domain.EmailAddresses;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Flyway V3: accounts are found by the canonical form of their email, computed in Java
 * ({@link EmailAddresses#canonical}), instead of by PostgreSQL's {@code lower(email)}. Adds
 * {@code users.email_canonical}, fills it for every account, makes it unique and drops the old unique
 * index on {@code lower(email)}. A Java migration because the form is Java's: SQL cannot compute it.
 *
 * <p>Two accounts whose addresses differed under {@code lower()} but share one canonical form (say one
 * spelled with full-width letters) cannot both keep it: the oldest account that is not erased keeps it,
 * and the others are left without one, so that nobody signs in to them by email until support gives them
 * an address of their own. The log names their ids, never their addresses.
 */
@Component
class CanonicalEmailMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(CanonicalEmailMigration.class);

    /** An account as the migration sees it, in the order that decides who keeps a shared form. */
    record Account(UUID id, String email) {
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "canonical emails";
    }

    @Override
    public Integer getChecksum() {
        return 3;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE users ADD COLUMN email_canonical TEXT");
            ddl.execute("COMMENT ON COLUMN users.email_canonical IS 'the email in the one form that decides which "
                    + "account it names (NFKC, simple lower case; computed by the service); null only for an account "
                    + "that lost its address to an older one with the same form when the column was added'");
        }
        List<Account> accounts = new ArrayList<>();
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery(
                        "SELECT id, email FROM users ORDER BY (status = 'ERASED'), created_at, id")) {
            while (rows.next()) {
                accounts.add(new Account(rows.getObject("id", UUID.class), rows.getString("email")));
            }
        }
        Map<UUID, String> forms = canonicalForms(accounts);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE users SET email_canonical = ? WHERE id = ?")) {
            for (Map.Entry<UUID, String> form : forms.entrySet()) {
                update.setString(1, form.getValue());
                update.setObject(2, form.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE UNIQUE INDEX users_email_canonical_unique ON users (email_canonical)");
            ddl.execute("DROP INDEX users_email_unique");
        }
    }

    /**
     * The canonical form of each account's email, in the order given; an account whose form an earlier
     * one already has gets none (it is absent from the answer).
     */
    static Map<UUID, String> canonicalForms(List<Account> accounts) {
        Map<UUID, String> forms = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Account account : accounts) {
            String form = EmailAddresses.canonical(account.email());
            if (taken.add(form)) {
                forms.put(account.id(), form);
            } else {
                log.warn("account {} keeps no canonical email: an older account has the same address in another "
                        + "spelling; it cannot sign in by email until its address is changed", account.id());
            }
        }
        return forms;
    }
}
