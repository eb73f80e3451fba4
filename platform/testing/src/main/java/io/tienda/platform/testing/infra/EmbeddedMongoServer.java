package io.tienda.platform.testing.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB wire protocol from mongo-java-server inside this JVM. It has no multi-document
 * transactions and no {@code $text}, like a standalone mongod has no transactions.
 */
public final class EmbeddedMongoServer extends EmbeddedServer<de.bwaldvogel.mongo.MongoServer> implements MongoServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    /** Null for the in-memory backend. */
    private final Path file;

    private final int port;

    private EmbeddedMongoServer(Path file, int port) {
        // nothing to delete on close: the in-memory data goes with the server, an H2 file is meant to last
        super(null);
        this.file = file;
        this.port = port;
    }

    /** A free port and the in-memory backend; its data is gone after {@link #stop()}. */
    public static EmbeddedMongoServer ephemeral() {
        return new EmbeddedMongoServer(null, Ports.free());
    }

    /** A fixed port and the H2 backend, whose file keeps the data across restarts. */
    public static EmbeddedMongoServer persistent(Path file, int port) {
        return new EmbeddedMongoServer(file.toAbsolutePath(), port);
    }

    @Override
    public String name() {
        return "MongoDB (mongo-java-server)";
    }

    @Override
    de.bwaldvogel.mongo.MongoServer launch() {
        MongoBackend backend = newBackend().version(ServerVersion.MONGO_5_0);
        de.bwaldvogel.mongo.MongoServer started = new de.bwaldvogel.mongo.MongoServer(backend);
        started.bind("127.0.0.1", port);
        log.info("MongoDB wire protocol on port {} ({})", port, file == null ? "in memory" : file);
        return started;
    }

    private MongoBackend newBackend() {
        if (file == null) {
            return new HelloMemoryBackend();
        }
        try {
            Files.createDirectories(file.getParent());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create " + file.getParent(), ex);
        }
        return new HelloH2Backend(file.toString());
    }

    /**
     * Answers {@code hello} like {@code isMaster}: Spring Boot's Mongo health indicator sends
     * {@code hello}, which mongo-java-server does not know, so every service would report DOWN.
     */
    static Document hello(Channel channel, String database, Document query, HandleCommand isMaster) {
        Document answer = isMaster.handle(channel, database, "isMaster", query);
        answer.put("isWritablePrimary", Boolean.TRUE);
        return answer;
    }

    @FunctionalInterface
    interface HandleCommand {

        Document handle(Channel channel, String database, String command, Document query);

    }

    private static final class HelloMemoryBackend extends MemoryBackend {

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return "hello".equalsIgnoreCase(command) ? hello(channel, database, query, super::handleCommand)
                    : super.handleCommand(channel, database, command, query);
        }

    }

    private static final class HelloH2Backend extends H2Backend {

        HelloH2Backend(String file) {
            super(file);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return "hello".equalsIgnoreCase(command) ? hello(channel, database, query, super::handleCommand)
                    : super.handleCommand(channel, database, command, query);
        }

    }

    @Override
    void shutdown(de.bwaldvogel.mongo.MongoServer server) {
        // also closes the backend, which flushes the H2 file
        server.shutdownNow();
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String toString() {
        return "MongoDB on port " + port;
    }

}
