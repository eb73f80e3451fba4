package io.tienda.platform.testing.infra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MailboxHttpServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsAndForgetsReceivedMail() throws Exception {
        try (EmbeddedSmtpServer smtp = EmbeddedSmtpServer.ephemeral()) {
            smtp.start();
            try (MailboxHttpServer mailbox = MailboxHttpServer.start(smtp, 0)) {
                Properties properties = new Properties();
                properties.put("mail.smtp.host", smtp.host());
                properties.put("mail.smtp.port", String.valueOf(smtp.port()));
                MimeMessage message = new MimeMessage(Session.getInstance(properties));
                message.setFrom(new InternetAddress("tienda@example.com"));
                message.setRecipients(MimeMessage.RecipientType.TO, "a@example.com, b@example.com");
                message.setSubject("Reset your password");
                message.setText("<p>Hola</p>", "UTF-8", "html");
                Transport.send(message);
                await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.receivedMail().isEmpty());

                String listed = get(mailbox.url() + "?to=B%40example.com");
                assertThat(listed).contains("\"subject\":\"Reset your password\"")
                    .contains("\"to\":[\"a@example.com\",\"b@example.com\"]")
                    .contains("\"html\":\"<p>Hola</p>\"");

                HttpResponse<String> deleted = http.send(
                        HttpRequest.newBuilder(URI.create(mailbox.url())).DELETE().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(deleted.statusCode()).isEqualTo(200);
                assertThat(get(mailbox.url())).isEqualTo("[]");
                assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + mailbox.port() + "/x")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            }
        }
    }

    @Test
    void escapesWhatJsonCannotCarryRaw() {
        ReceivedMail mail = new ReceivedMail("a\"b@example.com", List.of("c@example.com"), "line1\nline2\t\u0001",
                Instant.parse("2025-01-02T03:04:05Z"), "back\\slash", "");

        assertThat(MailboxHttpServer.toJson(List.of(mail))).isEqualTo("[\n{\"id\":1,\"from\":\"a\\\"b@example.com\","
                + "\"to\":[\"c@example.com\"],\"subject\":\"line1\\nline2\\t\\u0001\",\"sentAt\":\"2025-01-02T03:04:05Z\","
                + "\"text\":\"back\\\\slash\",\"html\":\"\"}\n]");
        assertThat(MailboxHttpServer.toJson(List.of())).isEqualTo("[]");
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

}
