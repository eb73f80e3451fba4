package io.tienda.platform.testing.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The local fleet relies on data surviving a restart of each server with a persistent directory. */
class PersistentServersTest {

    @TempDir
    Path directory;

    @Test
    void postgresKeepsItsDataAcrossRestarts() throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.persistent(directory.resolve("postgres"), Ports.free(),
                directory.resolve("logs/postgres.log"));
        try {
            postgres.start();
            postgres.ensureDatabase("orders");
            sql(postgres, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
            postgres.stop();
            assertThat(Ports.isOpen("localhost", postgres.port())).isFalse();
            assertThat(directory.resolve("postgres/postmaster.pid")).doesNotExist();

            postgres.start();
            assertThat(sql(postgres, "SELECT v FROM kept")).isEqualTo("42");
        }
        finally {
            postgres.close();
        }
        assertThat(directory.resolve("postgres/PG_VERSION")).exists();
        assertThat(Files.readString(directory.resolve("logs/postgres.log"))).isNotEmpty();
    }

    @Test
    void redisKeepsItsDataAcrossRestartsAndCompactsItsAppendOnlyFile() throws Exception {
        EmbeddedRedisServer redis = EmbeddedRedisServer.persistent(directory.resolve("redis"), Ports.free(),
                directory.resolve("logs/redis.log"));
        RedisClient client = RedisClient.create(RedisURI.create("localhost", redis.port()));
        try {
            redis.start();
            long pid = redis.pid();
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.sync().set("cart:7", "kept");
                // Many writes to one key (as the gateway's rate limits make): the append-only file
                // grows with every write, while the data stays one key.
                List<RedisFuture<Long>> writes = new ArrayList<>();
                for (int i = 0; i < 20_000; i++) {
                    writes.add(connection.async().incr("bucket"));
                }
                LettuceFutures.awaitAll(Duration.ofSeconds(30), writes.toArray(RedisFuture[]::new));
            }
            redis.stop();
            assertThat(ProcessHandle.of(pid)).isEmpty();
            Path appendOnly = directory.resolve("redis/appendonly.aof");
            assertThat(appendOnly).satisfies(file -> assertThat(Files.size(file)).isGreaterThan(200_000));

            redis.start();
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                assertThat(connection.sync().get("cart:7")).isEqualTo("kept");
                assertThat(connection.sync().get("bucket")).isEqualTo("20000");
            }
            // rewritten in the background at start, down to a snapshot of the two keys
            await("the append-only file rewritten after a restart").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(Files.size(appendOnly)).isLessThan(10_000));
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                assertThat(connection.sync().get("bucket")).isEqualTo("20000");
            }
        }
        finally {
            client.shutdown();
            redis.close();
        }
        assertThat(directory.resolve("redis/appendonly.aof")).exists();
    }

    @Test
    void mongoKeepsItsDataAcrossRestartsWithTheH2Backend() {
        EmbeddedMongoServer mongo = EmbeddedMongoServer.persistent(directory.resolve("mongo/tienda.mv"), Ports.free());
        try {
            mongo.start();
            try (MongoClient client = MongoClients.create(mongo.uri("products"))) {
                client.getDatabase("products").getCollection("products").insertOne(new Document("sku", "KEPT"));
            }
            mongo.stop();
            mongo.start();
            try (MongoClient client = MongoClients.create(mongo.uri("products"))) {
                assertThat(client.getDatabase("products").getCollection("products").countDocuments()).isEqualTo(1);
            }
        }
        finally {
            mongo.close();
        }
    }

    private static String sql(PostgresServer postgres, String statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("orders"), postgres.username(),
                postgres.password()); Statement sql = connection.createStatement()) {
            String last = null;
            for (String statement : statements.split(";")) {
                if (sql.execute(statement.trim())) {
                    try (ResultSet rows = sql.getResultSet()) {
                        last = rows.next() ? rows.getString(1) : null;
                    }
                }
            }
            return last;
        }
    }

}
