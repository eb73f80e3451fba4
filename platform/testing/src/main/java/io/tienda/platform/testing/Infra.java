package io.tienda.platform.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.tienda.platform.testing.infra.ClickHouseServer;
import io.tienda.platform.testing.infra.InfraMode;
import io.tienda.platform.testing.infra.KafkaServer;
import io.tienda.platform.testing.infra.MongoServer;
import io.tienda.platform.testing.infra.PostgresServer;
import io.tienda.platform.testing.infra.RedisServer;
import io.tienda.platform.testing.infra.Server;
import io.tienda.platform.testing.infra.SmtpServer;

/**
 * The servers shared by every test in this JVM. Each starts on first use, at most once, and stops
 * when the JVM exits. Tests may stop and start one to simulate an outage:
 *
 * <pre>
 * Infra.kafka().whileStopped(() -&gt; ...);   // or Infra.kafka().stop(); ...; Infra.kafka().start();
 * Infra.smtp().receivedMail();
 * Infra.postgres().jdbcUrl("orders");
 * </pre>
 */
public final class Infra {

    private static final SharedServer<PostgresServer> POSTGRES = new SharedServer<>(() -> mode().newPostgres());

    private static final SharedServer<KafkaServer> KAFKA = new SharedServer<>(() -> mode().newKafka());

    private static final SharedServer<RedisServer> REDIS = new SharedServer<>(() -> mode().newRedis());

    private static final SharedServer<MongoServer> MONGO = new SharedServer<>(() -> mode().newMongo());

    private static final SharedServer<ClickHouseServer> CLICKHOUSE = new SharedServer<>(() -> mode().newClickHouse());

    private static final SharedServer<SmtpServer> SMTP = new SharedServer<>(() -> mode().newSmtp());

    private Infra() {
    }

    /** Containers or embedded servers, decided once per JVM (see {@link InfraMode}). */
    public static InfraMode mode() {
        return ModeHolder.MODE;
    }

    public static PostgresServer postgres() {
        return POSTGRES.get();
    }

    public static KafkaServer kafka() {
        return KAFKA.get();
    }

    public static RedisServer redis() {
        return REDIS.get();
    }

    public static MongoServer mongo() {
        return MONGO.get();
    }

    public static ClickHouseServer clickhouse() {
        return CLICKHOUSE.get();
    }

    public static SmtpServer smtp() {
        return SMTP.get();
    }

    /** Whether {@code store} can run here; false only for ClickHouse without its binary and without Docker. */
    public static boolean isAvailable(Store store) {
        return store != Store.CLICKHOUSE || mode().clickHouseAvailable();
    }

    public static Server server(Store store) {
        return switch (store) {
            case POSTGRES -> postgres();
            case KAFKA -> kafka();
            case REDIS -> redis();
            case MONGODB -> mongo();
            case CLICKHOUSE -> clickhouse();
            case SMTP -> smtp();
        };
    }

    /** Starts the stores in parallel (PostgreSQL, Kafka and ClickHouse each take seconds). */
    public static void start(Collection<Store> stores) {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (Store store : stores.isEmpty() ? EnumSet.noneOf(Store.class) : EnumSet.copyOf(stores)) {
            starts.add(CompletableFuture.runAsync(() -> server(store),
                    runnable -> new Thread(runnable, "tienda-infra-" + store.name().toLowerCase(Locale.ROOT)).start()));
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw ex;
        }
    }

    /** Deciding may probe Docker for a few seconds, so it happens on first use only. */
    private static final class ModeHolder {

        static final InfraMode MODE = InfraMode.fromEnvironment();

    }

}
