package io.tienda.platform.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import io.tienda.platform.testing.infra.MailboxHttpServer;
import io.tienda.platform.testing.infra.ReceivedMail;
import io.tienda.platform.testing.infra.SmtpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SmtpTest {

    @Test
    void keepsSentMailReadableFromJavaAndOverHttp() throws Exception {
        SmtpServer smtp = Infra.smtp();
        send(smtp, "ana@example.com", "Pedido confirmado", "Tu pedido 1001 está confirmado.");

        await().atMost(Duration.ofSeconds(10))
            .until(() -> smtp.receivedMail().stream().anyMatch(mail -> mail.subject().equals("Pedido confirmado")));
        ReceivedMail mail = smtp.receivedMail()
            .stream()
            .filter(m -> m.subject().equals("Pedido confirmado"))
            .findFirst()
            .orElseThrow();
        assertThat(mail.from()).isEqualTo("tienda@example.com");
        assertThat(mail.to()).containsExactly("ana@example.com");
        assertThat(mail.body().trim()).isEqualTo("Tu pedido 1001 está confirmado.");

        try (MailboxHttpServer mailbox = MailboxHttpServer.start(smtp, 0)) {
            HttpClient http = HttpClient.newHttpClient();
            String json = http.send(HttpRequest.newBuilder(URI.create(mailbox.url() + "?to=ana%40example.com")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(json).contains("\"subject\":\"Pedido confirmado\"").contains("\"to\":[\"ana@example.com\"]");

            String nobody = http.send(HttpRequest.newBuilder(URI.create(mailbox.url() + "?to=luis%40example.com")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(nobody).isEqualTo("[]");
        }
    }

    private static void send(SmtpServer smtp, String to, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("tienda@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }

}
