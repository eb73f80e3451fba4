package io.tienda.platform.testing.infra;

import org.testcontainers.postgresql.PostgreSQLContainer;

final class PostgresContainerServer extends ContainerServer<PostgreSQLContainer> implements PostgresServer {

    PostgresContainerServer() {
        super("PostgreSQL", new PostgreSQLContainer(image("postgres", "postgres:17-alpine")).withUsername("postgres")
            .withPassword("postgres")
            .withDatabaseName("postgres"), 5432);
    }

    @Override
    public String host() {
        return super.host();
    }

    @Override
    public int port() {
        return mappedPort(5432);
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

}
