package io.tienda.platform.testing.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * redis-server 6.2 from the embedded-redis jar, run as a child process. Only the binary comes from
 * embedded-redis: its own process handling reads the server's stdout to detect readiness and adds a
 * shutdown hook per start, so the fleet could not log to a file nor stop Redis after the services.
 */
public final class EmbeddedRedisServer extends EmbeddedServer<ChildProcess> implements RedisServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);

    private final Path logFile;

    private final int port;

    private final boolean durable;

    private EmbeddedRedisServer(DataDir root, Path logFile, int port, boolean durable) {
        super(root);
        this.logFile = logFile;
        this.port = port;
        this.durable = durable;
    }

    /** A free port, no persistence, a temporary directory deleted by {@link #close()}. */
    public static EmbeddedRedisServer ephemeral() {
        DataDir root = DataDir.temporary("tienda-redis-");
        return new EmbeddedRedisServer(root, root.resolve("redis.log"), Ports.free(), false);
    }

    /** A fixed port with an append-only file and RDB snapshots in {@code directory}. */
    public static EmbeddedRedisServer persistent(Path directory, int port, Path logFile) {
        return new EmbeddedRedisServer(DataDir.persistent(directory), logFile.toAbsolutePath(), port, true);
    }

    @Override
    public String name() {
        return "Redis";
    }

    @Override
    ChildProcess launch() {
        try {
            File binary = ExecutableProvider.newJarResourceProvider(Files.createDirectories(root.resolve("bin")).toFile())
                .get();
            Path config = root.resolve("redis.conf");
            Files.writeString(config, configuration(), StandardCharsets.UTF_8);
            // the binary is written afresh at each start, while the fleet starts other servers beside it
            ChildProcess started = ChildProcess.startWritten(List.of(binary.getAbsolutePath(), config.toString()),
                    root.path(), logFile, "Redis on port " + port, Duration.ofSeconds(30), this::answersPing);
            log.info("Redis listens on port {} with data in {}", port, root.path());
            if (durable) {
                compactAppendOnlyFile();
            }
            return started;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Redis did not start", ex);
        }
    }

    private String configuration() {
        String persistence = durable ? """
                appendonly yes
                appendfsync everysec
                save 900 1
                save 300 10
                save 60 10000
                """ : """
                appendonly no
                save ""
                """;
        return """
                port %d
                bind 127.0.0.1 -::1
                daemonize no
                dir %s
                logfile ""
                loglevel notice
                """.formatted(port, root.path()) + persistence;
    }

    /**
     * Rewrites the append-only file in the background, down to a snapshot of the data. Redis rewrites
     * it by itself only once it has doubled since it was loaded, so every restart raised the bar: the
     * gateway's rate-limit writes (one per proxied request) had grown the local fleet's file to 750 MB,
     * and Redis spent 11 s of each fleet start replaying it.
     */
    private void compactAppendOnlyFile() {
        String reply = ask("BGREWRITEAOF", 128);
        if (reply.startsWith("-")) {
            log.warn("Redis did not start rewriting its append-only file: {}", reply.strip());
        }
    }

    private boolean answersPing() {
        return ask("PING", 7).startsWith("+PONG");
    }

    /** Sends an inline command and returns the start of the reply, or {@code ""} when Redis cannot be asked. */
    private String ask(String command, int replyBytes) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[replyBytes];
            int read = in.read(answer, 0, answer.length);
            return read > 0 ? new String(answer, 0, read, StandardCharsets.US_ASCII) : "";
        }
        catch (IOException ex) {
            return "";
        }
    }

    @Override
    void shutdown(ChildProcess process) {
        // SIGTERM: Redis writes its append-only file and snapshot before it exits
        process.stop(Duration.ofSeconds(30));
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return port;
    }

    /** The process id of redis-server while it runs. */
    public long pid() {
        ChildProcess process = running();
        return process == null ? -1 : process.pid();
    }

    @Override
    public String toString() {
        return "Redis on port " + port;
    }

}
