package io.tienda.platform.testing;

import io.tienda.platform.testing.infra.PostgresServer;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A migration tried on rows stored before it, in a schema of its own that goes away afterwards. */
class SchemaAtVersionTest {

    private static PGSimpleDataSource dataSource() {
        PostgresServer postgres = Infra.postgres();
        postgres.ensureDatabase("schema_at_version");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl("schema_at_version"));
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
        return dataSource;
    }

    @Test
    void rowsStoredAtAnEarlierVersionAreMigratedAndTheSchemaIsDroppedAfter() throws SQLException {
        PGSimpleDataSource dataSource = dataSource();
        String name;
        try (SchemaAtVersion earlier = SchemaAtVersion.migratedTo(dataSource, "prices", "1")) {
            name = earlier.name();
            assertThat(name).matches("prices_[0-9a-f]{32}");
            sql(dataSource, "insert into " + name + ".prices (sku, price) values ('MUG-1', '12.99')");

            earlier.migrateToLatest();

            assertThat(query(dataSource, "select amount from " + name + ".prices where sku = 'MUG-1'"))
                    .isEqualTo("1299");
            assertThat(query(dataSource, "select count(*) from information_schema.columns where table_schema = '"
                    + name + "' and column_name = 'price'")).isEqualTo("0");
        }
        assertThat(query(dataSource, "select count(*) from information_schema.schemata where schema_name = '"
                + name + "'")).isEqualTo("0");
        assertThat(query(dataSource, "select count(*) from information_schema.tables where table_name = 'prices'"
                + " and table_schema = 'public'")).as("the database's own schema is left alone").isEqualTo("0");
    }

    @Test
    void aLabelThatCouldNotNameASchemaIsRefused() {
        assertThatThrownBy(() -> SchemaAtVersion.migratedTo(dataSource(), "x; drop schema public", "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void sql(PGSimpleDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(PGSimpleDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
