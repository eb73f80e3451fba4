package io.tienda.platform.testing.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (broker and KRaft controller in one {@link KafkaRaftServer}) inside this JVM.
 * Unlike spring-kafka-test's {@code EmbeddedKafkaKraftBroker}, whose test kit always binds random
 * ports and throws its log directories away, this one listens on a port of our choosing and keeps its
 * log directory: a test can stop it and start it again on the same port with the same topics and
 * offsets, and the local fleet keeps its events across restarts.
 */
public final class EmbeddedKafkaServer extends EmbeddedServer<KafkaRaftServer> implements KafkaServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);

    private static final int NODE_ID = 1;

    private final Path logDirectory;

    private final int port;

    private final int controllerPort;

    private EmbeddedKafkaServer(DataDir root, Path logDirectory, int port, int controllerPort) {
        super(root);
        this.logDirectory = logDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Free ports and a temporary log directory, deleted by {@link #close()}. */
    public static EmbeddedKafkaServer ephemeral() {
        DataDir root = DataDir.temporary("tienda-kafka-");
        int[] ports = Ports.free(2);
        return new EmbeddedKafkaServer(root, root.resolve("logs"), ports[0], ports[1]);
    }

    /** Fixed ports and a log directory that survives restarts. */
    public static EmbeddedKafkaServer persistent(Path logDirectory, int port, int controllerPort) {
        DataDir root = DataDir.persistent(logDirectory);
        return new EmbeddedKafkaServer(root, root.path(), port, controllerPort);
    }

    @Override
    public String name() {
        return "Kafka";
    }

    @Override
    KafkaRaftServer launch() {
        neverExitTheJvm();
        KafkaConfig config = new KafkaConfig(properties(), false);
        formatOnFirstStart();
        KafkaRaftServer raft = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            raft.startup();
            awaitBroker();
        }
        catch (RuntimeException ex) {
            shutdown(raft);
            throw new IllegalStateException("Kafka did not start on port " + port, ex);
        }
        log.info("Kafka listens on port {} with logs in {}", port, logDirectory);
        return raft;
    }

    @Override
    void shutdown(KafkaRaftServer raft) {
        raft.shutdown();
        raft.awaitShutdown();
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String toString() {
        return "Kafka on port " + port;
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDirectory.toString());
        props.put("metadata.log.dir", logDirectory.toString());
        props.put("auto.create.topics.enable", "true");
        props.put("delete.topic.enable", "true");
        props.put("num.partitions", "3");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // A partition that moves between two members of a group (a listener's consumers spreading out
        // after a start) waits for the new owner's next heartbeats: up to 10 s at the default 5 s.
        props.put("group.consumer.min.heartbeat.interval.ms", "1000");
        props.put("group.consumer.heartbeat.interval.ms", "1000");
        // sized for a laptop or a 2-core CI box, not for throughput
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return props;
    }

    private void formatOnFirstStart() {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDirectory.toString()))
                .setMetadataLogDirectory(logDirectory.toString())
                .setControllerListenerName("CONTROLLER")
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setReleaseVersion(MetadataVersion.latestProduction())
                .run();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot format " + logDirectory, ex);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot format " + logDirectory, ex);
        }
    }

    private void awaitBroker() {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000);
        try (Admin admin = Admin.create(config)) {
            Poll.until("Kafka on port " + port, Duration.ofSeconds(60), () -> {
                try {
                    return !admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty();
                }
                catch (Exception ex) {
                    return false;
                }
            }, Optional::empty);
        }
    }

    /** Kafka calls System.exit on fatal errors; in a test JVM or the fleet launcher that would kill everything. */
    private static void neverExitTheJvm() {
        Exit.setExitProcedure((code, message) -> log.error("Kafka asked to exit with code {}: {}", code, message));
        Exit.setHaltProcedure((code, message) -> log.error("Kafka asked to halt with code {}: {}", code, message));
    }

}
