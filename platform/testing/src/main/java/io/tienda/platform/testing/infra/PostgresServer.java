package io.tienda.platform.testing.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A PostgreSQL server; one database per service or per test class. */
public interface PostgresServer extends Server {

    String host();

    int port();

    String username();

    String password();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + Names.database(database);
    }

    /** Creates {@code database} unless it exists. Safe to call from several threads and JVMs. */
    default void ensureDatabase(String database) {
        String name = Names.database(database);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password())) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
            }
        }
        catch (SQLException ex) {
            // Another thread or JVM may have created it between the check and the CREATE.
            boolean createdConcurrently = "42P04".equals(ex.getSQLState()) || "23505".equals(ex.getSQLState());
            if (!createdConcurrently) {
                throw new IllegalStateException("Could not create database " + name + " on " + jdbcUrl("postgres"), ex);
            }
        }
    }

}
