package io.tienda.notification.delivery.channel;

import io.tienda.notification.NotificationsProperties;
import io.tienda.notification.delivery.domain.DeliveryFailedException;
import io.tienda.notification.delivery.domain.NotificationChannel;
import io.tienda.notification.delivery.domain.Outgoing;
import io.tienda.notification.history.domain.Notification;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

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
            String reason = "smtp: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
            Integer refusal = permanentRefusal(e);
            throw refusal == null ? new DeliveryFailedException(reason, e)
                    : DeliveryFailedException.permanent("smtp " + refusal + " (permanent): " + reason, e);
        }
    }

    /**
     * The SMTP reply code when the relay refused for good (5xx: no such mailbox, message rejected),
     * or when an address cannot even be written; null for anything a later attempt may cure
     * (4xx "try again later", connection refused, timeouts).
     */
    static Integer permanentRefusal(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            int code = replyCode(next);
            if (code >= 500 && code < 600) {
                return code;
            }
            if (next instanceof AddressException) {
                return 553;
            }
            if (next instanceof MailSendException send) {
                pending.addAll(send.getFailedMessages().values());
            }
            if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
                pending.add(messaging.getNextException());
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
        }
        return null;
    }

    private static int replyCode(Throwable failure) {
        if (failure instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (failure instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        if (failure instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        return 0;
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
