package io.tienda.notification.delivery.channel;

import io.tienda.notification.NotificationsProperties;
import io.tienda.notification.delivery.domain.DeliveryFailedException;
import io.tienda.notification.delivery.domain.NotificationChannel;
import io.tienda.notification.delivery.domain.Outgoing;
import io.tienda.notification.history.domain.Notification;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** E-mail over SMTP ({@code spring.mail.*}): a multipart/alternative message with a text and an HTML body. */
@Component
class SmtpEmailChannel implements NotificationChannel {

    private final JavaMailSender mail;
    private final String from;

    SmtpEmailChannel(JavaMailSender mail, NotificationsProperties properties) {
        this.mail = mail;
        this.from = properties.from();
    }

    @Override
    public Notification.Channel channel() {
        return Notification.Channel.EMAIL;
    }

    @Override
    public void send(Outgoing message) {
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.to().toArray(String[]::new));
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            // Lets the receiving side and support tell one message from its retries.
            mime.setHeader("X-Tienda-Notification", message.notificationId());
            mail.send(mime);
        } catch (MailException | MessagingException e) {
            throw new DeliveryFailedException("smtp: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())), e);
        }
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
