package io.tienda.platform.testing;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A service's Flyway migrations (its own, {@code db/migration}, and the platform's, {@code db/platform}) run
 * into a schema of their own up to an earlier version, so that a test can store rows as they were before a
 * migration, {@link #migrateToLatest() run the rest}, and read what the migration made of them. The schema
 * is dropped on {@link #close()}; the service's own schema is never touched.
 */
public final class SchemaAtVersion implements AutoCloseable {

    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    private final DataSource dataSource;
    private final String name;
    private final FluentConfiguration flyway;

    private SchemaAtVersion(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
        this.flyway = Flyway.configure().dataSource(dataSource).schemas(name).defaultSchema(name)
                .createSchemas(true).locations("classpath:db/migration", "classpath:db/platform");
    }

    /**
     * A new schema named {@code <label>_<random>}, migrated up to and including {@code version}.
     *
     * @param label a lower-case name for what the test checks, e.g. {@code invoice_series}
     */
    public static SchemaAtVersion migratedTo(DataSource dataSource, String label, String version) {
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("a schema label is lower-case letters, digits and _: " + label);
        }
        SchemaAtVersion schema = new SchemaAtVersion(dataSource,
                label + "_" + UUID.randomUUID().toString().replace("-", ""));
        schema.flyway.target(MigrationVersion.fromVersion(version)).load().migrate();
        return schema;
    }

    /** The schema's name, to qualify tables with ({@code name() + ".orders"}). */
    public String name() {
        return name;
    }

    /** Runs the migrations after the version it was created at. */
    public void migrateToLatest() {
        flyway.target(MigrationVersion.LATEST).load().migrate();
    }

    @Override
    public void close() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema " + name + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop schema " + name, e);
        }
    }
}
