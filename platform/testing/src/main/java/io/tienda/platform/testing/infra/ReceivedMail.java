package io.tienda.platform.testing.infra;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A received message reduced to what tests and the fleet's mail reader look at.
 *
 * @param text the text/plain body, or empty
 * @param html the text/html body, or empty
 */
public record ReceivedMail(String from, List<String> to, String subject, Instant sentAt, String text, String html) {

    public ReceivedMail {
        to = List.copyOf(to);
    }

    /** True when one of the recipients is {@code address} (case-insensitive). */
    public boolean isFor(String address) {
        return to.stream().anyMatch(recipient -> recipient.equalsIgnoreCase(address));
    }

    /** The text body when there is one, else the HTML body. */
    public String body() {
        return text.isEmpty() ? html : text;
    }

    public static ReceivedMail of(MimeMessage message) {
        try {
            Bodies bodies = new Bodies();
            bodies.collect(message);
            return new ReceivedMail(first(message.getFrom()),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    Optional.ofNullable(message.getSubject()).orElse(""),
                    Optional.ofNullable(message.getSentDate()).map(Date::toInstant).orElse(Instant.EPOCH),
                    bodies.text, bodies.html);
        }
        catch (MessagingException | IOException ex) {
            throw new IllegalStateException("Unreadable message", ex);
        }
    }

    private static String first(Address[] addresses) {
        List<String> all = addresses(addresses);
        return all.isEmpty() ? "" : all.get(0);
    }

    private static List<String> addresses(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        return Arrays.stream(addresses).map(ReceivedMail::plainAddress).toList();
    }

    private static String plainAddress(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress()
                : address.toString();
    }

    /** Walks nested multiparts and keeps the first text and the first HTML part. */
    private static final class Bodies {

        private String text = "";

        private String html = "";

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain") && text.isEmpty()) {
                text = String.valueOf(part.getContent());
            }
            else if (part.isMimeType("text/html") && html.isEmpty()) {
                html = String.valueOf(part.getContent());
            }
            else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            }
        }

    }

}
