package io.tienda.platform.testing.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A request whose request line goes out byte for byte, for what an HTTP client refuses to send: broken
 * percent-encoding, encoded slashes or NULs in the target, another HTTP version. One request per
 * connection; the answer is read until the server closes it.
 */
public final class RawRequest {

    private RawRequest() {
    }

    public static Reply get(String host, int port, String target, Map<String, String> headers) {
        return send(host, port, "GET " + target + " HTTP/1.1", headers);
    }

    /** {@code requestLine} as given (method, target, version), then Host, Connection: close and the headers. */
    public static Reply send(String host, int port, String requestLine, Map<String, String> headers) {
        return send(host, port, requestLine, headers, "");
    }

    /** The same, then {@code body} byte for byte (ISO-8859-1), framed only by what the headers say. */
    public static Reply send(String host, int port, String requestLine, Map<String, String> headers, String body) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: ").append(host)
                .append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.append("\r\n").append(body).toString()
                    .getBytes(StandardCharsets.ISO_8859_1));
            return Reply.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(requestLine + " on " + host + ":" + port, e);
        }
    }

    /** The status, the header block (names as sent) and the body, de-chunked. */
    public record Reply(int status, String head, String body) {

        static Reply parse(byte[] response) {
            String text = new String(response, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return new Reply(text.isEmpty() ? 0 : Integer.parseInt(text.split(" ")[1]), text, "");
            }
            String head = text.substring(0, end);
            byte[] body = java.util.Arrays.copyOfRange(response, end + 4, response.length);
            if (head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Reply(Integer.parseInt(head.split(" ")[1]), head, new String(body, StandardCharsets.UTF_8));
        }

        /** The first value of the header, its name in any case; null when absent. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        public boolean isProblem() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/problem+json");
        }

        private static byte[] dechunk(byte[] chunked) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            String text = new String(chunked, StandardCharsets.ISO_8859_1);
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = text.indexOf("\r\n", at);
                int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                body.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toByteArray();
        }
    }
}
