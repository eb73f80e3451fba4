package io.tienda.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import io.tienda.fleet.ProcessesFile.Entry;
import io.tienda.fleet.ProcessesFile.ProbeKind;
import io.tienda.platform.testing.ServiceProperties;
import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.infra.EmbeddedClickHouseServer;
import io.tienda.platform.testing.infra.EmbeddedKafkaServer;
import io.tienda.platform.testing.infra.EmbeddedMongoServer;
import io.tienda.platform.testing.infra.EmbeddedPostgresServer;
import io.tienda.platform.testing.infra.EmbeddedRedisServer;
import io.tienda.platform.testing.infra.EmbeddedSmtpServer;
import io.tienda.platform.testing.infra.MailboxHttpServer;
import io.tienda.platform.testing.infra.Server;

/**
 * The servers the services need, the same classes the tests use, but on fixed ports with their data
 * under {@code .fleet/}: PostgreSQL, Redis and ClickHouse as child processes, Kafka, MongoDB
 * (mongo-java-server on its H2 file backend) and GreenMail inside the launcher's JVM.
 */
final class Infrastructure implements AutoCloseable {

    /** The ClickHouse database analytics-service writes to. */
    static final String ANALYTICS_DATABASE = "analytics";

    private final FleetPaths paths;

    private final InfraPorts ports;

    private final EmbeddedPostgresServer postgres;

    private final EmbeddedKafkaServer kafka;

    private final EmbeddedRedisServer redis;

    private final EmbeddedMongoServer mongo;

    private final Optional<EmbeddedClickHouseServer> clickhouse;

    private final EmbeddedSmtpServer smtp;

    private MailboxHttpServer mailbox;

    private TraceCollector traces;

    private InfraControl control;

    private Infrastructure(FleetPaths paths, InfraPorts ports, boolean withClickHouse) {
        this.paths = paths;
        this.ports = ports;
        this.postgres = EmbeddedPostgresServer.persistent(paths.data("postgres"), ports.postgres(),
                paths.log("postgres"));
        this.kafka = EmbeddedKafkaServer.persistent(paths.data("kafka"), ports.kafka(), ports.kafkaController());
        this.redis = EmbeddedRedisServer.persistent(paths.data("redis"), ports.redis(), paths.log("redis"));
        this.mongo = EmbeddedMongoServer.persistent(paths.data("mongo").resolve("tienda.mv"), ports.mongo());
        this.clickhouse = withClickHouse
                ? Optional.of(EmbeddedClickHouseServer.persistent(paths.data("clickhouse"), paths.logs().resolve("clickhouse"),
                        ports.clickhouseHttp(), ports.clickhouseTcp(), ports.clickhouseInterserver()))
                : Optional.empty();
        this.smtp = EmbeddedSmtpServer.on(ports.smtp());
    }

    /** Builds the servers without starting them. */
    static Infrastructure create(FleetPaths paths, InfraPorts ports, boolean withClickHouse) {
        return new Infrastructure(paths, ports, withClickHouse);
    }

    boolean hasClickHouse() {
        return clickhouse.isPresent();
    }

    /** Starts every server in parallel, then creates the databases the services expect. */
    void start(Consumer<String> progress) {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (Server server : servers()) {
            starts.add(CompletableFuture.runAsync(() -> {
                Instant begin = Instant.now();
                server.start();
                progress.accept(String.format("%-28s started in %s", server.name(),
                        Table.duration(Duration.between(begin, Instant.now()))));
            }, runnable -> new Thread(runnable, "start-" + server.name()).start()));
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        }
        catch (CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
        }
        Catalog.postgresDatabases().forEach(postgres::ensureDatabase);
        clickhouse.ifPresent(server -> server.ensureDatabase(ANALYTICS_DATABASE));
        mailbox = MailboxHttpServer.start(smtp, ports.mailReader());
        traces = TraceCollector.start(ports.traces());
        control = InfraControl.start(ports.control(), byName(), progress);
    }

    /** The servers by the names the processes file and {@code ./tienda status} give them. */
    Map<String, Server> byName() {
        Map<String, Server> byName = new LinkedHashMap<>();
        byName.put("postgres", postgres);
        byName.put("kafka", kafka);
        byName.put("redis", redis);
        byName.put("mongodb", mongo);
        clickhouse.ifPresent(server -> byName.put("clickhouse", server));
        byName.put("smtp", smtp);
        return byName;
    }

    /** The properties that point {@code service} at its stores, at Kafka and, for notifications, at SMTP. */
    Map<String, String> propertiesFor(ServiceSpec service) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!service.isDiscovery()) {
            properties.putAll(ServiceProperties.kafka(kafka));
            // Sampled spans go to the launcher's collector, as they go to the OpenTelemetry Collector in compose.
            properties.put("management.tracing.export.otlp.enabled", "true");
            properties.put("management.opentelemetry.tracing.export.otlp.endpoint",
                    "http://localhost:" + ports.traces() + "/v1/traces");
        }
        String database = service.database().orElse("tienda");
        for (Store store : service.stores()) {
            switch (store) {
                case POSTGRES -> properties.putAll(ServiceProperties.postgres(postgres, database));
                case KAFKA -> properties.putAll(ServiceProperties.kafka(kafka));
                case REDIS -> properties.putAll(ServiceProperties.redis(redis));
                case MONGODB -> properties.putAll(ServiceProperties.mongo(mongo, database));
                case CLICKHOUSE -> clickhouse
                    .ifPresent(server -> properties.putAll(ServiceProperties.clickhouse(server, database)));
                case SMTP -> properties.putAll(ServiceProperties.smtp(smtp));
            }
        }
        return properties;
    }

    /** What runs where, for the processes file, the tables and the {@code status} command. */
    List<Entry> entries(long launcherPid) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("postgres", postmasterPid().orElse(-1L), ports.postgres(), "postgres",
                "jdbc:postgresql://localhost:" + ports.postgres() + "/", ProbeKind.TCP));
        entries.add(new Entry("kafka", launcherPid, ports.kafka(), Launcher.COMMAND_HINT, kafka.bootstrapServers(),
                ProbeKind.TCP));
        entries.add(new Entry("redis", redis.pid(), ports.redis(), "redis-server",
                "redis://localhost:" + ports.redis(), ProbeKind.TCP));
        entries.add(new Entry("mongodb", launcherPid, ports.mongo(), Launcher.COMMAND_HINT,
                "mongodb://localhost:" + ports.mongo(), ProbeKind.TCP));
        clickhouse.ifPresent(server -> entries.add(new Entry("clickhouse", server.pid(), server.httpPort(),
                "clickhouse", server.url(), ProbeKind.HTTP)));
        entries.add(new Entry("smtp", launcherPid, ports.smtp(), Launcher.COMMAND_HINT,
                "smtp://localhost:" + ports.smtp(), ProbeKind.TCP));
        entries.add(new Entry("mail-reader", launcherPid, ports.mailReader(), Launcher.COMMAND_HINT,
                "http://localhost:" + ports.mailReader() + "/messages", ProbeKind.HTTP));
        entries.add(new Entry("traces", launcherPid, ports.traces(), Launcher.COMMAND_HINT,
                "http://localhost:" + ports.traces() + "/traces", ProbeKind.HTTP));
        return entries;
    }

    /** PostgreSQL runs detached from the launcher (pg_ctl starts it); its pid file says which process it is. */
    Optional<Long> postmasterPid() {
        return postmasterPid(paths.data("postgres"));
    }

    static Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).map(Long::parseLong);
        }
        catch (IOException | NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /** Stops the servers, the last started first. */
    @Override
    public void close() {
        if (control != null) {
            control.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
        if (traces != null) {
            traces.close();
        }
        List<Server> servers = servers();
        for (int i = servers.size() - 1; i >= 0; i--) {
            try {
                servers.get(i).close();
            }
            catch (RuntimeException ex) {
                System.err.println("Could not stop " + servers.get(i).name() + ": " + ex.getMessage());
            }
        }
    }

    private List<Server> servers() {
        return new ArrayList<>(byName().values());
    }

}
