package io.tienda.platform.testing.http;

import io.tienda.platform.testing.http.RawRequest.Reply;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One kept-alive HTTP/1.1 connection, written and read byte for byte: for what a pooled client hides,
 * such as several requests sent in one write (pipelined) or a request sent on a connection the
 * server has just answered on. Answers are read one at a time, framed by Content-Length or chunks.
 */
public final class RawConnection implements AutoCloseable {

    private final String host;
    private final Socket socket;
    private final InputStream in;

    private RawConnection(String host, Socket socket) throws IOException {
        this.host = host;
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects; a read that waits longer than {@code readTimeout} fails. */
    public static RawConnection open(String host, int port, Duration readTimeout) {
        try {
            Socket socket = new Socket(host, port);
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            return new RawConnection(host, socket);
        } catch (IOException e) {
            throw new UncheckedIOException("connecting to " + host + ":" + port, e);
        }
    }

    /** A bodiless GET for this connection's host, kept alive, with the headers given. */
    public String get(String target, Map<String, String> headers) {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: ")
                .append(host).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return request.append("\r\n").toString();
    }

    /** The requests' bytes (ISO-8859-1) in a single write, so that the server reads them together. */
    public void send(String... requests) {
        try {
            socket.getOutputStream().write(String.join("", requests).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to " + socket.getRemoteSocketAddress(), e);
        }
    }

    /** The next answer on the connection; fails when none comes within the read timeout. */
    public Reply next() {
        try {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            while (!readLine(answer).isEmpty()) {
                // the head ends with an empty line
            }
            String lower = new String(answer.toByteArray(), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (lower.contains("\r\ntransfer-encoding: chunked")) {
                readChunks(answer);
            } else {
                int at = lower.indexOf("\r\ncontent-length:");
                if (at >= 0) {
                    int end = lower.indexOf("\r\n", at + 2);
                    int length = Integer.parseInt(lower.substring(at + "\r\ncontent-length:".length(), end).trim());
                    answer.write(readExactly(length));
                }
            }
            return Reply.parse(answer.toByteArray());
        } catch (SocketTimeoutException e) {
            throw new UncheckedIOException("no answer from " + socket.getRemoteSocketAddress() + " within "
                    + socketTimeout() + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from " + socket.getRemoteSocketAddress(), e);
        }
    }

    /** Whether the server closes the connection (end of stream) before the read timeout. */
    public boolean closedByServer() {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            // a reset is the server closing too
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int socketTimeout() {
        try {
            return socket.getSoTimeout();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Reads through the next CRLF, appending the bytes read; answers the line without it. */
    private String readLine(ByteArrayOutputStream into) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int next = in.read();
            if (next == -1) {
                throw new IOException("the connection closed in the middle of an answer");
            }
            into.write(next);
            if (previous == '\r' && next == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(next);
            previous = next;
        }
    }

    private void readChunks(ByteArrayOutputStream into) throws IOException {
        while (true) {
            int size = Integer.parseInt(readLine(into).split(";")[0].trim(), 16);
            if (size == 0) {
                while (!readLine(into).isEmpty()) {
                    // trailer fields are not needed
                }
                return;
            }
            into.write(readExactly(size));
            readLine(into);
        }
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException("the connection closed after " + bytes.length + " of " + length + " body bytes");
        }
        return bytes;
    }
}
