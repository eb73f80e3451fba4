package io.tienda.platform.testing.infra;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

/** An SMTP server that keeps every message it receives, so tests and people can read them. */
public interface SmtpServer extends Server {

    String host();

    int port();

    /** Every message received since the start or the last {@link #purge()}, oldest first. */
    List<MimeMessage> receivedMessages();

    /** The received messages in a form that is easy to assert on or to print. */
    default List<ReceivedMail> receivedMail() {
        return receivedMessages().stream().map(ReceivedMail::of).toList();
    }

    /** Forgets every received message. */
    void purge();

}
