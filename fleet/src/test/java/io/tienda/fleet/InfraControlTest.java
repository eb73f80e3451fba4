package io.tienda.fleet;

import io.tienda.platform.testing.infra.EmbeddedRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's control of its servers, over real HTTP, against a real Redis started as a child process. */
class InfraControlTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedRedisServer redis;

    private final List<String> progress = new ArrayList<>();

    private InfraControl control;

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    /** Persistent, as the fleet's is: what it holds survives a stop. */
    @BeforeAll
    static void startRedis() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        redis = EmbeddedRedisServer.persistent(data.resolve("redis"), port, data.resolve("redis.log"));
        redis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @AfterEach
    void close() {
        control.close();
        redis.start();
    }

    @Test
    void stopsAServerKeepingWhatItHoldsAndStartsItAgainOnTheSamePort() throws Exception {
        control = InfraControl.start(0, Map.of("redis", redis), progress::add);
        assertThat(redis("SET outage-marker kept")).isEqualTo("+OK");

        HttpResponse<String> stopped = post("/infra/redis/stop");

        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(json(stopped)).isEqualTo(JSON.readTree("{\"name\":\"redis\",\"running\":false}"));
        assertThat(redis.isRunning()).isFalse();
        assertThatThrownBy(() -> redis("PING")).as("Redis' port during the outage").isInstanceOf(ConnectException.class);
        assertThat(json(get("/infra")).get(0).get("running").asBoolean()).isFalse();

        HttpResponse<String> started = post("/infra/redis/start");

        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(json(started).get("running").asBoolean()).isTrue();
        assertThat(redis("GET outage-marker")).as("what Redis held before the outage").isEqualTo("$4\r\nkept");
        assertThat(progress).hasSize(2);
        assertThat(progress.get(0)).startsWith("redis stopped by request in ");
        assertThat(progress.get(1)).startsWith("redis started by request in ");
    }

    @Test
    void aChangeAlreadyMadeIsAnsweredWithTheStateAndDoesNothing() throws Exception {
        control = InfraControl.start(0, Map.of("redis", redis), progress::add);

        HttpResponse<String> started = post("/infra/redis/start");

        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(json(started).get("running").asBoolean()).isTrue();
        assertThat(progress).isEmpty();
        assertThat(redis("PING")).isEqualTo("+PONG");
    }

    @Test
    void refusesWhatItDoesNotKnowAndChangesNothing() throws Exception {
        control = InfraControl.start(0, Map.of("redis", redis), progress::add);

        HttpResponse<String> unknown = post("/infra/oracle/stop");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asString()).isEqualTo("no server named oracle; there are redis");

        HttpResponse<String> byGet = get("/infra/redis/stop");
        assertThat(byGet.statusCode()).isEqualTo(405);
        assertThat(json(byGet).get("error").asString()).isEqualTo("use POST /infra/redis/stop");

        assertThat(post("/infra").statusCode()).isEqualTo(405);
        assertThat(post("/infra/redis/restart").statusCode()).isEqualTo(404);
        assertThat(get("/").statusCode()).isEqualTo(404);

        assertThat(redis.isRunning()).isTrue();
        assertThat(progress).isEmpty();
    }

    @Test
    void theCommandStopsAndStartsThroughTheControlAndSaysWhatRuns() throws Exception {
        control = InfraControl.start(0, Map.of("redis", redis), progress::add);

        Ran stop = command("stop", "redis");
        assertThat(stop.code()).isZero();
        assertThat(stop.out()).isEqualTo("redis        stopped\n");
        assertThat(redis.isRunning()).isFalse();

        Ran list = command();
        assertThat(list.code()).isZero();
        assertThat(list.out()).isEqualTo("redis        stopped\n");

        Ran start = command("start", "redis");
        assertThat(start.code()).isZero();
        assertThat(start.out()).isEqualTo("redis        running\n");
        assertThat(redis("PING")).isEqualTo("+PONG");

        Ran unknown = command("stop", "oracle");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("tienda: no server named oracle; there are redis\n");

        Ran wrong = command("restart", "redis");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).startsWith("tienda: usage: ./tienda infra");
    }

    @Test
    void theCommandSaysSoWhenNoFleetRuns() throws Exception {
        control = InfraControl.start(0, Map.of("redis", redis), progress::add);
        int unused;
        try (ServerSocket free = new ServerSocket(0)) {
            unused = free.getLocalPort();
        }

        Ran ran = run(unused, List.of());

        assertThat(ran.code()).isEqualTo(1);
        assertThat(ran.err()).startsWith("tienda: the fleet is not running");
    }

    private record Ran(int code, String out, String err) {
    }

    private Ran command(String... args) {
        return run(control.port(), List.of(args));
    }

    private static Ran run(int port, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new InfraCommand(port, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + control.port() + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** One inline command to Redis over a plain socket; its reply without the last line break. */
    private static String redis(String command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(redis.host(), redis.port()), 2000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            int lines = 0;
            int c;
            while ((c = in.read()) != -1) {
                reply.append((char) c);
                if (c == '\n') {
                    lines++;
                    // a bulk string ($n) is followed by its value on a line of its own
                    if (reply.charAt(0) != '$' || lines == 2 || reply.toString().startsWith("$-1")) {
                        break;
                    }
                }
            }
            return reply.toString().stripTrailing();
        }
    }
}
