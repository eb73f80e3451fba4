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
 * An SMTP peer that speaks the protocol over a real socket and refuses at one stage of the
 * conversation with a fixed reply: every recipient (e.g. {@code 550 5.1.1 no such mailbox} or
 * {@code 451 4.3.0 try again later}), the sender ({@code MAIL FROM}, e.g. {@code 530 5.7.0 must
 * issue a STARTTLS command first}) or the message ({@code DATA}, e.g. {@code 554 5.7.1 quota
 * exceeded}): the refusals a real relay gives, which the test mail server (GreenMail accepts
 * everyone) never does.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String senderReply;
    private final String recipientReply;
    private final String dataReply;

    /** Refuses every recipient with {@code recipientReply}. */
    RefusingSmtpServer(String recipientReply) throws IOException {
        this("250 2.1.0 OK", recipientReply, "554 5.5.1 no valid recipients");
    }

    private RefusingSmtpServer(String senderReply, String recipientReply, String dataReply) throws IOException {
        this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.senderReply = senderReply;
        this.recipientReply = recipientReply;
        this.dataReply = dataReply;
        Thread acceptor = new Thread(this::serve, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Refuses {@code MAIL FROM} with {@code reply}. */
    static RefusingSmtpServer refusingSender(String reply) throws IOException {
        return new RefusingSmtpServer(reply, "250 2.1.5 OK", "354 go ahead");
    }

    /** Takes sender and recipients, then refuses {@code DATA} with {@code reply}. */
    static RefusingSmtpServer refusingData(String reply) throws IOException {
        return new RefusingSmtpServer("250 2.1.0 OK", "250 2.1.5 OK", reply);
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
                case "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                case "MAIL" -> reply(out, senderReply);
                case "RCPT" -> reply(out, recipientReply);
                case "DATA" -> {
                    reply(out, dataReply);
                    if (dataReply.startsWith("354")) {
                        // the message, up to the lone dot, then the refusal of a relay over its quota
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // read and dropped
                        }
                        reply(out, "552 5.3.4 message refused: quota exceeded");
                    }
                }
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
