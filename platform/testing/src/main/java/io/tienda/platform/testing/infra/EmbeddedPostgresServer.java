package io.tienda.platform.testing.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL from the zonky binaries (real postgres processes, no Docker). */
public final class EmbeddedPostgresServer extends EmbeddedServer<EmbeddedPostgres> implements PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** Tests throw their data away; durability only costs time there. */
    private static final Map<String, String> THROWAWAY = Map.of("fsync", "off", "full_page_writes", "off",
            "synchronous_commit", "off");

    /** zonky starts postgres with fsync off; data meant to last turns it back on. */
    private static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on");

    private final Path dataDirectory;

    private final Path logFile;

    private final int port;

    private final Map<String, String> settings;

    private EmbeddedPostgresServer(DataDir root, Path dataDirectory, Path logFile, int port,
            Map<String, String> settings) {
        super(root);
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
        this.port = port;
        this.settings = settings;
    }

    /** A free port and a temporary data directory, deleted by {@link #close()}. */
    public static EmbeddedPostgresServer ephemeral() {
        DataDir root = DataDir.temporary("tienda-postgres-");
        return new EmbeddedPostgresServer(root, root.resolve("data"), root.resolve("postgres.log"), Ports.free(),
                THROWAWAY);
    }

    /** A fixed port and a data directory that survives restarts (created by initdb on first start). */
    public static EmbeddedPostgresServer persistent(Path dataDirectory, int port, Path logFile) {
        DataDir root = DataDir.persistent(dataDirectory);
        return new EmbeddedPostgresServer(root, root.path(), logFile.toAbsolutePath(), port, DURABLE);
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    EmbeddedPostgres launch() {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // stopped by our own hook, in order, after the services that use it
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            settings.forEach(builder::setServerConfig);
            Unix.requireUnprivilegedPostgres();
            EmbeddedPostgres postgres = builder.start();
            log.info("PostgreSQL listens on port {} with data in {}", port, dataDirectory);
            return postgres;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("PostgreSQL did not start; see " + logFile, ex);
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException(
                    "PostgreSQL did not start; last lines of " + logFile + ":\n" + ChildProcess.tail(logFile, 20), ex);
        }
    }

    @Override
    void shutdown(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("PostgreSQL did not stop", ex);
        }
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
    public String username() {
        return "postgres";
    }

    /** Any password works: the cluster trusts local connections. */
    @Override
    public String password() {
        return "postgres";
    }

    /** The data directory, e.g. to find {@code postmaster.pid}. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public String toString() {
        return "PostgreSQL on port " + port;
    }

}
