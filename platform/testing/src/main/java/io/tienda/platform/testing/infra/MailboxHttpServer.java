package io.tienda.platform.testing.infra;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny HTTP view of an {@link SmtpServer}, for people and for system tests that run against the
 * local fleet:
 * <ul>
 * <li>{@code GET /messages} lists received mail as JSON, oldest first; {@code ?to=address} filters
 * by recipient</li>
 * <li>{@code DELETE /messages} forgets all received mail</li>
 * </ul>
 */
public final class MailboxHttpServer implements AutoCloseable {

    private final HttpServer server;

    private MailboxHttpServer(HttpServer server) {
        this.server = server;
    }

    public static MailboxHttpServer start(SmtpServer smtp, int port) {
        return new MailboxHttpServer(JsonHttpServer.start(port, "mailbox-http", exchange -> handle(smtp, exchange)));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://localhost:" + port() + "/messages";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void handle(SmtpServer smtp, HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/") && !path.equals("/messages")) {
                JsonHttpServer.respond(exchange, 404, "{\"error\":\"not found; try GET /messages\"}");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "GET" -> {
                    Optional<String> to = queryParameter(exchange.getRequestURI().getRawQuery(), "to");
                    List<ReceivedMail> mail = smtp.receivedMail()
                        .stream()
                        .filter(message -> to.map(message::isFor).orElse(true))
                        .toList();
                    JsonHttpServer.respond(exchange, 200, toJson(mail));
                }
                case "DELETE" -> {
                    smtp.purge();
                    JsonHttpServer.respond(exchange, 200, "[]");
                }
                default -> JsonHttpServer.respond(exchange, 405, "{\"error\":\"use GET or DELETE\"}");
            }
        }
        catch (RuntimeException ex) {
            JsonHttpServer.respond(exchange, 500, "{\"error\":" + Json.string(String.valueOf(ex.getMessage())) + "}");
        }
        finally {
            exchange.close();
        }
    }

    static String toJson(List<ReceivedMail> mail) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < mail.size(); i++) {
            ReceivedMail message = mail.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                .append("{\"id\":")
                .append(i + 1)
                .append(",\"from\":")
                .append(Json.string(message.from()))
                .append(",\"to\":")
                .append(Json.strings(message.to()))
                .append(",\"subject\":")
                .append(Json.string(message.subject()))
                .append(",\"sentAt\":")
                .append(Json.string(message.sentAt().toString()))
                .append(",\"text\":")
                .append(Json.string(message.text()))
                .append(",\"html\":")
                .append(Json.string(message.html()))
                .append('}');
        }
        return json.append(mail.isEmpty() ? "]" : "\n]").toString();
    }

    private static Optional<String> queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        return Arrays.stream(rawQuery.split("&"))
            .map(pair -> pair.split("=", 2))
            .filter(pair -> pair.length == 2 && pair[0].equals(name))
            .map(pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8))
            .findFirst();
    }

}
