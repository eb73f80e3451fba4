package io.tienda.notification.delivery.channel;

import io.tienda.notification.NotificationsProperties;
import io.tienda.notification.delivery.domain.DeliveryFailedException;
import io.tienda.notification.delivery.domain.Outgoing;
import io.tienda.notification.history.domain.Notification;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** How the e-mail channel tells a refusal for good from a failure worth retrying, over real SMTP conversations. */
class SmtpEmailChannelTest {

    private static final Outgoing MESSAGE = new Outgoing("n-1", Notification.Channel.EMAIL,
            List.of("nobody@tienda.test"), "Tu pedido", "<p>Hola</p>", "Hola");

    @Test
    void aMailboxTheRelayRefusesForGoodIsAPermanentFailure() throws Exception {
        try (RefusingSmtpServer relay = new RefusingSmtpServer("550 5.1.1 <nobody@tienda.test>: no such mailbox")) {
            DeliveryFailedException failure = sendThrough(relay.port());

            assertThat(failure.permanent()).isTrue();
            assertThat(failure.getMessage()).startsWith("smtp 550 (permanent)");
        }
    }

    @Test
    void aTemporaryRefusalIsRetried() throws Exception {
        try (RefusingSmtpServer relay = new RefusingSmtpServer("451 4.3.0 try again later")) {
            DeliveryFailedException failure = sendThrough(relay.port());

            assertThat(failure.permanent()).isFalse();
            assertThat(failure.getMessage()).startsWith("smtp: ");
        }
    }

    @Test
    void anUnreachableRelayIsRetried() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        assertThat(sendThrough(closed).permanent()).isFalse();
    }

    private static DeliveryFailedException sendThrough(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("localhost");
        mail.setPort(port);
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        mail.setJavaMailProperties(properties);
        SmtpEmailChannel channel = new SmtpEmailChannel(mail,
                new NotificationsProperties(null, null, null, null, null, null, null));
        Throwable thrown = catchThrowable(() -> channel.send(MESSAGE));
        assertThat(thrown).isInstanceOf(DeliveryFailedException.class);
        return (DeliveryFailedException) thrown;
    }
}
