package io.tienda.platform.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tienda.platform.testing.infra.ClickHouseServer;
import io.tienda.platform.testing.infra.KafkaServer;
import io.tienda.platform.testing.infra.MongoServer;
import io.tienda.platform.testing.infra.PostgresServer;
import io.tienda.platform.testing.infra.RedisServer;
import io.tienda.platform.testing.infra.SmtpServer;

/**
 * The Spring properties through which a service finds each server. Tests and the local fleet use the
 * same names, so a service behaves the same under both.
 */
public final class ServiceProperties {

    private ServiceProperties() {
    }

    public static Map<String, String> postgres(PostgresServer server, String database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", server.jdbcUrl(database));
        properties.put("spring.datasource.username", server.username());
        properties.put("spring.datasource.password", server.password());
        return properties;
    }

    public static Map<String, String> kafka(KafkaServer server) {
        return Map.of("spring.kafka.bootstrap-servers", server.bootstrapServers());
    }

    public static Map<String, String> redis(RedisServer server) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.data.redis.host", server.host());
        properties.put("spring.data.redis.port", String.valueOf(server.port()));
        return properties;
    }

    /** Boot 4 reads {@code spring.mongodb.*}; Boot 3 read {@code spring.data.mongodb.*}. Both are set. */
    public static Map<String, String> mongo(MongoServer server, String database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", server.uri(database));
        properties.put("spring.mongodb.database", database);
        properties.put("spring.data.mongodb.uri", server.uri(database));
        properties.put("spring.data.mongodb.database", database);
        return properties;
    }

    public static Map<String, String> clickhouse(ClickHouseServer server, String database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("tienda.clickhouse.url", server.url());
        properties.put("tienda.clickhouse.database", database);
        properties.put("tienda.clickhouse.username", server.username());
        properties.put("tienda.clickhouse.password", server.password());
        return properties;
    }

    public static Map<String, String> smtp(SmtpServer server) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.mail.host", server.host());
        properties.put("spring.mail.port", String.valueOf(server.port()));
        return properties;
    }

}
