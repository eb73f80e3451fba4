package io.tienda.platform.testing.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether a Docker engine answers, decided in at most a few seconds. Testcontainers' own discovery can
 * wait a long time on a machine without Docker, so it is only consulted once this probe says yes.
 */
public final class Docker {

    private static final byte[] PING = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private Docker() {
    }

    public static boolean isAvailable() {
        for (String endpoint : candidates()) {
            if (answers(endpoint)) {
                return true;
            }
        }
        return false;
    }

    /** DOCKER_HOST when set, else the usual socket paths of Docker Engine, rootless Docker and Docker Desktop. */
    static List<String> candidates() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return List.of(dockerHost);
        }
        List<String> sockets = new ArrayList<>();
        sockets.add("unix:///var/run/docker.sock");
        Optional.ofNullable(System.getenv("XDG_RUNTIME_DIR")).ifPresent(dir -> sockets.add("unix://" + dir + "/docker.sock"));
        sockets.add("unix://" + System.getProperty("user.home") + "/.docker/run/docker.sock");
        sockets.add("unix://" + System.getProperty("user.home") + "/.docker/desktop/docker.sock");
        return sockets;
    }

    private static boolean answers(String endpoint) {
        CompletableFuture<Boolean> ping = CompletableFuture.supplyAsync(() -> ping(endpoint));
        try {
            return ping.get(3, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            ping.cancel(true);
            return false;
        }
    }

    private static boolean ping(String endpoint) {
        try {
            if (endpoint.startsWith("unix://")) {
                Path socket = Path.of(endpoint.substring("unix://".length()));
                if (!Files.exists(socket)) {
                    return false;
                }
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    channel.connect(UnixDomainSocketAddress.of(socket));
                    channel.write(ByteBuffer.wrap(PING));
                    return isOk(Channels.newInputStream(channel));
                }
            }
            if (endpoint.startsWith("tcp://")) {
                URI uri = URI.create(endpoint);
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
                    socket.setSoTimeout(2000);
                    OutputStream out = socket.getOutputStream();
                    out.write(PING);
                    out.flush();
                    return isOk(socket.getInputStream());
                }
            }
            return false;
        }
        catch (IOException | RuntimeException ex) {
            return false;
        }
    }

    private static boolean isOk(InputStream in) throws IOException {
        String answer = new String(in.readNBytes(4096), StandardCharsets.US_ASCII);
        return answer.startsWith("HTTP/1.") && answer.contains(" 200 ") && answer.endsWith("OK");
    }

}
