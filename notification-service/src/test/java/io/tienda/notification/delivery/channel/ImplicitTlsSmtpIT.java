package io.tienda.notification.delivery.channel;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code SMTP_SSL=true} against real SMTP servers (GreenMail): with credentials, the mail goes to a relay
 * that speaks TLS from the first byte (SMTPS) without asking for STARTTLS, and the same settings never
 * fall back to plain text when the relay does not speak TLS.
 */
class ImplicitTlsSmtpIT {

    private GreenMail relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.stop();
        }
    }

    private GreenMail start(String protocol) {
        relay = new GreenMail(new ServerSetup(0, "127.0.0.1", protocol).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("tienda", "s3cret"));
        relay.start();
        return relay;
    }

    /** The sender as the service configures it (application.yml, SmtpSecurity) with SMTP_SSL=true. */
    private static JavaMailSenderImpl sender(GreenMail server, String protocolPortOf) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(protocolPortOf.equals(ServerSetup.PROTOCOL_SMTPS) ? server.getSmtps().getPort()
                : server.getSmtp().getPort());
        sender.setUsername("tienda");
        sender.setPassword("s3cret");
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "3000");
        properties.setProperty("mail.smtp.timeout", "5000");
        properties.setProperty("mail.smtp.starttls.enable", "true");
        properties.setProperty("mail.smtp.starttls.required", "");
        properties.setProperty("mail.smtp.ssl.enable", "true");
        // GreenMail's certificate is its own, self-signed: trusted here by name, which a real relay's
        // certificate never needs (and whose host name the service checks).
        properties.setProperty("mail.smtp.ssl.trust", "127.0.0.1");
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        sender.setJavaMailProperties(properties);
        SmtpSecurity.secure(sender);
        return sender;
    }

    private static SimpleMailMessage mail() {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom("no-reply@tienda.local");
        mail.setTo("ana@example.com");
        mail.setSubject("Tu pedido");
        mail.setText("Gracias");
        return mail;
    }

    @Test
    void credentialsGoOverImplicitTlsWithoutStartTls() throws Exception {
        GreenMail server = start(ServerSetup.PROTOCOL_SMTPS);
        JavaMailSenderImpl sender = sender(server, ServerSetup.PROTOCOL_SMTPS);
        assertThat(sender.getJavaMailProperties().getProperty("mail.smtp.auth")).isEqualTo("true");
        assertThat(sender.getJavaMailProperties().getProperty("mail.smtp.starttls.required")).isEqualTo("false");

        sender.send(mail());

        assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = server.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Tu pedido");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
    }

    @Test
    void aRelayThatDoesNotSpeakTlsGetsNothingInClear() {
        GreenMail server = start(ServerSetup.PROTOCOL_SMTP);
        JavaMailSenderImpl sender = sender(server, ServerSetup.PROTOCOL_SMTP);

        // the TLS handshake fails on the relay's plain greeting: nothing, credentials included, is sent
        assertThatThrownBy(() -> sender.send(mail())).isInstanceOf(MailException.class)
                .hasRootCauseInstanceOf(javax.net.ssl.SSLException.class);
        assertThat(server.getReceivedMessages()).isEmpty();
    }
}
