package io.tienda.notification.delivery.channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP peer that speaks the protocol over a real socket and answers every recipient with one
 * fixed reply, e.g. {@code 550 5.1.1 no such mailbox} or {@code 451 4.3.0 try again later}: the
 * refusals a real relay gives, which the test mail server (GreenMail accepts everyone) never does.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String recipientReply;

    RefusingSmtpServer(String recipientReply) throws IOException {
        this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.recipientReply = recipientReply;
        Thread acceptor = new Thread(this::serve, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException closed) {
                // the test is over, or the client hung up
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 refusing.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO", "HELO" -> reply(out, "250 refusing.test");
                case "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                case "RCPT" -> reply(out, recipientReply);
                case "DATA" -> reply(out, "554 5.5.1 no valid recipients");
                case "QUIT" -> {
                    reply(out, "221 2.0.0 bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 command not implemented");
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
