package io.tienda.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import io.tienda.platform.testing.infra.PostgresServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresTest {

    @Test
    void createsADatabaseOnceAndRunsSql() throws Exception {
        PostgresServer postgres = Infra.postgres();
        postgres.ensureDatabase("postgres_test");
        postgres.ensureDatabase("postgres_test");

        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres_test"),
                postgres.username(), postgres.password()); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE greeting (id serial PRIMARY KEY, text varchar(40) NOT NULL)");
            sql.execute("INSERT INTO greeting (text) VALUES ('hola')");
            try (ResultSet rows = sql.executeQuery("SELECT text, current_database(), current_user FROM greeting")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("hola");
                assertThat(rows.getString(2)).isEqualTo("postgres_test");
                assertThat(rows.getString(3)).isEqualTo("postgres");
            }
        }
    }

    @Test
    void isSharedByTheWholeJvm() {
        assertThat(Infra.postgres()).isSameAs(Infra.postgres());
        assertThat(Infra.postgres().isRunning()).isTrue();
    }

}
