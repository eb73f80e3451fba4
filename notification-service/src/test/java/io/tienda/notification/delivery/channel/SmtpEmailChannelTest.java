package io.tienda.notification.delivery.channel;

import io.tienda.notification.NotificationsProperties;
import io.tienda.notification.delivery.domain.DeliveryFailedException;
import io.tienda.notification.delivery.domain.Outgoing;
import io.tienda.notification.history.domain.Notification;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
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
    void aRelayRefusingTheSenderIsRetriedNotGivenUp() throws Exception {
        for (String refusal : new String[] {"530 5.7.0 Must issue a STARTTLS command first",
                "535 5.7.8 Authentication credentials invalid", "554 5.7.1 Client host rejected: blocked",
                "550 5.7.60 Sender not authorised"}) {
            try (RefusingSmtpServer relay = RefusingSmtpServer.refusingSender(refusal)) {
                DeliveryFailedException failure = sendThrough(relay.port());

                assertThat(failure.permanent()).as(refusal).isFalse();
                assertThat(failure.getMessage()).as(refusal).startsWith("smtp: ")
                        .contains(refusal.substring(0, 3));
                // Angus reports a refused MAIL FROM as SMTPSendFailedException, and a 5xx that names the
                // sender's address (550, 553, ...) with an SMTPSenderFailedException next to it.
                assertThat(SmtpEmailChannel.chain(failure)).hasAtLeastOneElementOfType(SMTPSendFailedException.class)
                        .doesNotHaveAnyElementsOfTypes(SMTPAddressFailedException.class);
                if (refusal.startsWith("550")) {
                    assertThat(SmtpEmailChannel.chain(failure)).hasAtLeastOneElementOfType(SMTPSenderFailedException.class);
                }
            }
        }
    }

    @Test
    void aRelayRefusingTheMessageIsRetriedNotGivenUp() throws Exception {
        try (RefusingSmtpServer relay = RefusingSmtpServer.refusingData("554 5.7.0 Transaction failed: quota")) {
            DeliveryFailedException failure = sendThrough(relay.port());

            assertThat(failure.permanent()).isFalse();
            assertThat(SmtpEmailChannel.chain(failure)).hasAtLeastOneElementOfType(SMTPSendFailedException.class)
                    .doesNotHaveAnyElementsOfTypes(SMTPAddressFailedException.class);
        }
        try (RefusingSmtpServer relay = RefusingSmtpServer.refusingData("354 go ahead")) {
            // the body is read, then refused after the final dot (552 5.3.4 quota exceeded)
            DeliveryFailedException failure = sendThrough(relay.port());

            assertThat(failure.permanent()).isFalse();
            assertThat(failure.getMessage()).contains("552");
        }
    }

    @Test
    void aRecipientRefusedForAccessOrPolicyIsTheRelaysProblemAndRetried() throws Exception {
        for (String refusal : new String[] {"554 5.7.1 <nobody@tienda.test>: Relay access denied",
                "530 5.7.0 Authentication required", "550 5.7.1 Unable to relay"}) {
            try (RefusingSmtpServer relay = new RefusingSmtpServer(refusal)) {
                assertThat(sendThrough(relay.port()).permanent()).as(refusal).isFalse();
            }
        }
    }

    @Test
    void aRecipientRefusedWithoutAnEnhancedStatusIsPermanent() throws Exception {
        try (RefusingSmtpServer relay = new RefusingSmtpServer("553 sorry, that domain isn't in my list")) {
            DeliveryFailedException failure = sendThrough(relay.port());

            assertThat(failure.permanent()).isTrue();
            assertThat(failure.getMessage()).startsWith("smtp 553 (permanent)");
        }
    }

    @Test
    void anAddressThatCannotBeWrittenIsPermanent() {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("localhost");
        mail.setPort(1);
        SmtpEmailChannel channel = new SmtpEmailChannel(mail,
                new NotificationsProperties(null, null, null, null, null, null, null));
        Outgoing unwritable = new Outgoing("n-2", Notification.Channel.EMAIL, List.of("not an <address"), "s",
                "<p>h</p>", "t");

        Throwable thrown = catchThrowable(() -> channel.send(unwritable));

        assertThat(thrown).isInstanceOf(DeliveryFailedException.class);
        assertThat(((DeliveryFailedException) thrown).permanent()).isTrue();
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
