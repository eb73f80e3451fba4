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
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** An enhanced status code (RFC 3463) after the reply code, e.g. the {@code 5.1.1} of {@code 550 5.1.1 ...}. */
    private static final Pattern ENHANCED_STATUS = Pattern.compile("^\\d{3}[ -]([245])\\.(\\d{1,3})\\.\\d{1,3}\\b");

    /**
     * The SMTP reply code when the recipient's address itself was refused for good ({@code RCPT TO}
     * answered 5xx, e.g. {@code 550 5.1.1 no such mailbox}), or 553 when an address cannot even be
     * written; null for anything a later attempt may cure. That includes every refusal of the
     * relay rather than of the mailbox: 5xx on {@code MAIL FROM} or {@code DATA} (bad credentials,
     * "530 must issue STARTTLS first", a blocked client, a quota), and a recipient refused for
     * reasons of access or policy ({@code 530}, or enhanced status {@code 5.7.x} such as
     * "554 5.7.1 relay access denied"), as well as 4xx replies, refused connections and timeouts.
     */
    static Integer permanentRefusal(Throwable failure) {
        for (Throwable next : chain(failure)) {
            if (next instanceof SMTPAddressFailedException address && refusesTheMailbox(address)) {
                return address.getReturnCode();
            }
            if (next instanceof AddressException) {
                return 553;
            }
        }
        return null;
    }

    /**
     * The failure and every exception it carries, each once: causes, Spring's failed messages and
     * Jakarta Mail's next exceptions (one per refused recipient).
     */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> found = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            found.add(next);
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
        return found;
    }

    private static boolean refusesTheMailbox(SMTPAddressFailedException refusal) {
        int code = refusal.getReturnCode();
        if (code < 500 || code >= 600 || code == 530) {
            return false;
        }
        String reply = refusal.getMessage() == null ? "" : refusal.getMessage().strip();
        Matcher status = ENHANCED_STATUS.matcher(reply);
        // 5.7.x: security or policy, i.e. this relay will not take mail from us (relay denied, auth required).
        return !(status.find() && "7".equals(status.group(2)));
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
