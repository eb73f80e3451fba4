package io.tienda.platform.testing.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** GreenMail standalone in a container; received mail is read back over IMAP, one mailbox per recipient. */
final class SmtpContainerServer extends ContainerServer<GenericContainer<?>> implements SmtpServer {

    private static final int SMTP = 3025;

    private static final int IMAP = 3143;

    private static final int API = 8080;

    private static final Pattern EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]+)\"");

    SmtpContainerServer() {
        super("SMTP (GreenMail)", new GenericContainer<>(image("greenmail", "greenmail/standalone:2.1.3"))
            .withEnv("GREENMAIL_OPTS",
                    "-Dgreenmail.setup.test.all -Dgreenmail.hostname=0.0.0.0 -Dgreenmail.auth.disabled")
            .withExposedPorts(SMTP, IMAP, API)
            .waitingFor(Wait.forHttp("/api/service/readiness").forPort(API)), SMTP, IMAP, API);
    }

    @Override
    public String host() {
        return super.host();
    }

    @Override
    public int port() {
        return mappedPort(SMTP);
    }

    @Override
    public List<MimeMessage> receivedMessages() {
        List<MimeMessage> messages = new ArrayList<>();
        for (String mailbox : mailboxes()) {
            messages.addAll(read(mailbox));
        }
        return messages;
    }

    @Override
    public void purge() {
        api(HttpRequest.newBuilder(URI.create(apiUrl() + "/api/mail/purge")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private List<String> mailboxes() {
        String users = api(HttpRequest.newBuilder(URI.create(apiUrl() + "/api/user")).GET());
        List<String> emails = new ArrayList<>();
        Matcher matcher = EMAIL.matcher(users);
        while (matcher.find()) {
            emails.add(matcher.group(1));
        }
        return emails;
    }

    private List<MimeMessage> read(String mailbox) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "10000");
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            // with authentication disabled GreenMail accepts any password
            store.connect(host(), mappedPort(IMAP), mailbox, mailbox);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<MimeMessage> copies = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    // detached copies stay readable after the folder closes
                    copies.add(new MimeMessage((MimeMessage) message));
                }
                return copies;
            }
            finally {
                inbox.close(false);
            }
        }
        catch (MessagingException ex) {
            throw new IllegalStateException("Cannot read the mailbox of " + mailbox, ex);
        }
    }

    private String apiUrl() {
        return "http://" + host() + ":" + mappedPort(API);
    }

    private static String api(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = Http.CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("GreenMail answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
        catch (IOException ex) {
            throw new IllegalStateException("GreenMail's API is unreachable", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

}
