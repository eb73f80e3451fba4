package io.tienda.platform.testing.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code clickhouse-server} binary installed on the machine (Debian ships 18.16), run as a child
 * process with a generated configuration. The XML keeps the {@code <yandex>} root that 18.16 needs and
 * current releases still accept.
 */
public final class EmbeddedClickHouseServer extends EmbeddedServer<ChildProcess> implements ClickHouseServer {

    /** How to get the binary on Debian or Ubuntu. */
    public static final String INSTALL_HINT = "apt-get install -y clickhouse-server";

    /** Overrides the binary to run, e.g. {@code /opt/clickhouse/clickhouse}. */
    public static final String BINARY_PROPERTY = "tienda.clickhouse.binary";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedClickHouseServer.class);

    private final Path logDirectory;

    private final int httpPort;

    private final int tcpPort;

    private final int interserverPort;

    private EmbeddedClickHouseServer(DataDir root, Path logDirectory, int httpPort, int tcpPort, int interserverPort) {
        super(root);
        this.logDirectory = logDirectory;
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
        this.interserverPort = interserverPort;
    }

    /** Free ports and a temporary directory, deleted by {@link #close()}. */
    public static EmbeddedClickHouseServer ephemeral() {
        DataDir root = DataDir.temporary("tienda-clickhouse-");
        int[] ports = Ports.free(3);
        return new EmbeddedClickHouseServer(root, root.resolve("log"), ports[0], ports[1], ports[2]);
    }

    /** Fixed ports (HTTP, native, interserver) and a data directory that survives restarts. */
    public static EmbeddedClickHouseServer persistent(Path directory, Path logDirectory, int httpPort, int tcpPort,
            int interserverPort) {
        return new EmbeddedClickHouseServer(DataDir.persistent(directory), logDirectory.toAbsolutePath(), httpPort,
                tcpPort, interserverPort);
    }

    /** Whether a ClickHouse binary is installed, i.e. whether {@link #start()} can work at all. */
    public static boolean isAvailable() {
        return command().isPresent();
    }

    /** The message for a machine without the binary. */
    public static String missingBinaryMessage() {
        return "ClickHouse is not installed: no clickhouse-server or clickhouse binary on the PATH, in /usr/bin or "
                + "in /usr/sbin. Install it with: " + INSTALL_HINT + " (or point -D" + BINARY_PROPERTY
                + " at a binary).";
    }

    /** The command that runs the server: {@code clickhouse-server}, or the single {@code clickhouse} binary. */
    static Optional<List<String>> command() {
        String configured = System.getProperty(BINARY_PROPERTY, System.getenv("TIENDA_CLICKHOUSE_BINARY"));
        if (configured != null && !configured.isBlank()) {
            Path binary = Path.of(configured);
            return Files.isExecutable(binary) ? Optional.of(commandFor(binary)) : Optional.empty();
        }
        Set<Path> directories = new LinkedHashSet<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                directories.add(Path.of(entry));
            }
        }
        // Debian puts clickhouse-server in /usr/sbin, which is not on a normal user's PATH
        List.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin").forEach(d -> directories.add(Path.of(d)));
        for (String name : List.of("clickhouse-server", "clickhouse")) {
            for (Path directory : directories) {
                Path binary = directory.resolve(name);
                if (Files.isRegularFile(binary) && Files.isExecutable(binary)) {
                    return Optional.of(commandFor(binary));
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> commandFor(Path binary) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        if (binary.getFileName().toString().equals("clickhouse")) {
            command.add("server");
        }
        return command;
    }

    @Override
    public String name() {
        return "ClickHouse";
    }

    @Override
    ChildProcess launch() {
        List<String> command = new ArrayList<>(command().orElseThrow(() -> new IllegalStateException(missingBinaryMessage())));
        Path config = writeConfiguration();
        command.add("--config-file=" + config);
        Path consoleLog = logDirectory.resolve("clickhouse-console.log");
        ChildProcess started = ChildProcess.start(command, root.path(), consoleLog)
            .awaitReady("ClickHouse on port " + httpPort, Duration.ofSeconds(60), this::answersPing,
                    reason -> reason + "\nerror log:\n"
                            + ChildProcess.tail(logDirectory.resolve("clickhouse-server.err.log"), 20));
        log.info("ClickHouse answers on {} with data in {}", url(), root.path());
        return started;
    }

    private boolean answersPing() {
        return Http.get(url() + "/ping", Duration.ofSeconds(2)).map(body -> body.startsWith("Ok.")).orElse(false);
    }

    private Path writeConfiguration() {
        try {
            Path etc = Files.createDirectories(root.resolve("etc"));
            for (String directory : List.of("data", "tmp", "user_files", "format_schemas")) {
                Files.createDirectories(root.resolve(directory));
            }
            Files.createDirectories(logDirectory);
            Path users = etc.resolve("users.xml");
            Files.writeString(users, USERS, StandardCharsets.UTF_8);
            Path config = etc.resolve("config.xml");
            Files.writeString(config, CONFIG.formatted(logDirectory, httpPort, tcpPort, interserverPort,
                    root.resolve("data"), root.resolve("tmp"), root.resolve("user_files"), root.resolve("format_schemas"),
                    users), StandardCharsets.UTF_8);
            return config;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the ClickHouse configuration", ex);
        }
    }

    @Override
    void shutdown(ChildProcess process) {
        process.stop(Duration.ofSeconds(30));
    }

    @Override
    public String url() {
        return "http://localhost:" + httpPort;
    }

    @Override
    public String username() {
        return "default";
    }

    @Override
    public String password() {
        return "";
    }

    public int httpPort() {
        return httpPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    /** The process id of the server while it runs. */
    public long pid() {
        ChildProcess process = running();
        return process == null ? -1 : process.pid();
    }

    @Override
    public String toString() {
        return "ClickHouse on " + url();
    }

    // Paths end with a slash: ClickHouse concatenates them with file names.
    private static final String CONFIG = """
            <?xml version="1.0"?>
            <yandex>
                <logger>
                    <level>warning</level>
                    <log>%1$s/clickhouse-server.log</log>
                    <errorlog>%1$s/clickhouse-server.err.log</errorlog>
                    <size>50M</size>
                    <count>2</count>
                </logger>
                <http_port>%2$d</http_port>
                <tcp_port>%3$d</tcp_port>
                <interserver_http_port>%4$d</interserver_http_port>
                <listen_host>127.0.0.1</listen_host>
                <listen_host>::1</listen_host>
                <listen_try>1</listen_try>
                <path>%5$s/</path>
                <tmp_path>%6$s/</tmp_path>
                <user_files_path>%7$s/</user_files_path>
                <format_schema_path>%8$s/</format_schema_path>
                <users_config>%9$s</users_config>
                <default_profile>default</default_profile>
                <default_database>default</default_database>
                <timezone>UTC</timezone>
                <max_connections>256</max_connections>
                <max_concurrent_queries>50</max_concurrent_queries>
                <mark_cache_size>67108864</mark_cache_size>
                <uncompressed_cache_size>67108864</uncompressed_cache_size>
                <mlock_executable>false</mlock_executable>
            </yandex>
            """;

    private static final String USERS = """
            <?xml version="1.0"?>
            <yandex>
                <profiles>
                    <default>
                        <max_memory_usage>2000000000</max_memory_usage>
                        <load_balancing>random</load_balancing>
                    </default>
                </profiles>
                <users>
                    <default>
                        <password></password>
                        <networks>
                            <ip>::1</ip>
                            <ip>127.0.0.1</ip>
                        </networks>
                        <profile>default</profile>
                        <quota>default</quota>
                    </default>
                </users>
                <quotas>
                    <default>
                        <interval>
                            <duration>3600</duration>
                            <queries>0</queries>
                            <errors>0</errors>
                            <result_rows>0</result_rows>
                            <read_rows>0</read_rows>
                            <execution_time>0</execution_time>
                        </interval>
                    </default>
                </quotas>
            </yandex>
            """;

}
