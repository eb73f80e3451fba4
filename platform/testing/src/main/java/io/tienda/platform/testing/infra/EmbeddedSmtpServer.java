package io.tienda.platform.testing.infra;

import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GreenMail's SMTP server inside this JVM; it keeps received messages in memory. */
public final class EmbeddedSmtpServer extends EmbeddedServer<GreenMail> implements SmtpServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

    private final int port;

    private EmbeddedSmtpServer(int port) {
        // mail lives in memory only: nothing to delete on close
        super(null);
        this.port = port;
    }

    /** A free port. */
    public static EmbeddedSmtpServer ephemeral() {
        return new EmbeddedSmtpServer(Ports.free());
    }

    /** A fixed port; mail is kept in memory only. */
    public static EmbeddedSmtpServer on(int port) {
        return new EmbeddedSmtpServer(port);
    }

    @Override
    public String name() {
        return "SMTP (GreenMail)";
    }

    @Override
    GreenMail launch() {
        GreenMail started = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            // services send without credentials, like to a local relay
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        started.start();
        log.info("SMTP listens on port {}", port);
        return started;
    }

    @Override
    void shutdown(GreenMail greenMail) {
        greenMail.stop();
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public synchronized List<MimeMessage> receivedMessages() {
        GreenMail greenMail = running();
        return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
    }

    @Override
    public synchronized void purge() {
        GreenMail greenMail = running();
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            }
            catch (FolderException ex) {
                throw new IllegalStateException("Cannot purge mailboxes", ex);
            }
        }
    }

    @Override
    public String toString() {
        return "SMTP on port " + port;
    }

}
