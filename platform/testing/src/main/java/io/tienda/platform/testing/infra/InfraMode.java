package io.tienda.platform.testing.infra;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Who provides the servers for tests: Testcontainers when Docker answers, otherwise embedded servers.
 * {@code -Dtienda.infra=containers|embedded|auto} (or the environment variable {@code TIENDA_INFRA})
 * forces a choice; the default is {@code auto}.
 */
public enum InfraMode {

    EMBEDDED, CONTAINERS;

    public static final String PROPERTY = "tienda.infra";

    public static InfraMode fromEnvironment() {
        String requested = System.getProperty(PROPERTY);
        if (requested == null) {
            requested = System.getenv().getOrDefault("TIENDA_INFRA", "auto");
        }
        return select(requested, Docker::isAvailable);
    }

    static InfraMode select(String requested, BooleanSupplier dockerAvailable) {
        return switch (requested.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> EMBEDDED;
            case "containers" -> {
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException(PROPERTY + "=containers, but no Docker engine answers at "
                            + Docker.candidates() + "; start Docker or use " + PROPERTY + "=embedded");
                }
                yield CONTAINERS;
            }
            case "auto", "" -> dockerAvailable.getAsBoolean() ? CONTAINERS : EMBEDDED;
            default -> throw new IllegalArgumentException(
                    PROPERTY + " must be containers, embedded or auto, not '" + requested + "'");
        };
    }

    /** Whether ClickHouse can run at all in this mode (embedded needs the binary installed). */
    public boolean clickHouseAvailable() {
        return this == CONTAINERS || EmbeddedClickHouseServer.isAvailable();
    }

    public PostgresServer newPostgres() {
        return this == CONTAINERS ? new PostgresContainerServer() : EmbeddedPostgresServer.ephemeral();
    }

    public KafkaServer newKafka() {
        return this == CONTAINERS ? new KafkaContainerServer() : EmbeddedKafkaServer.ephemeral();
    }

    public RedisServer newRedis() {
        return this == CONTAINERS ? new RedisContainerServer() : EmbeddedRedisServer.ephemeral();
    }

    public MongoServer newMongo() {
        return this == CONTAINERS ? new MongoContainerServer() : EmbeddedMongoServer.ephemeral();
    }

    public ClickHouseServer newClickHouse() {
        if (this == CONTAINERS) {
            return new ClickHouseContainerServer();
        }
        if (!EmbeddedClickHouseServer.isAvailable()) {
            throw new IllegalStateException(EmbeddedClickHouseServer.missingBinaryMessage());
        }
        return EmbeddedClickHouseServer.ephemeral();
    }

    public SmtpServer newSmtp() {
        return this == CONTAINERS ? new SmtpContainerServer() : EmbeddedSmtpServer.ephemeral();
    }

}
