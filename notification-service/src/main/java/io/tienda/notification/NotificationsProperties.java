package io.tienda.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code tienda.notifications.*}.
 *
 * @param publicBaseUrl    where the shop's web front end lives; every link in a message starts here
 * @param from             the sender address of every e-mail
 * @param staffRecipients  who gets the staff alerts (low stock)
 * @param staffLanguage    the language of the staff alerts, {@code es} or {@code en}
 * @param contactWait      how long a message waits for its recipient's contact details before it fails
 * @param contactRetry     how often a message waiting for contact details looks again
 * @param sender           the scheduled sender
 */
@ConfigurationProperties("tienda.notifications")
public record NotificationsProperties(String publicBaseUrl, String from, List<String> staffRecipients,
        String staffLanguage, Duration contactWait, Duration contactRetry, Sender sender) {

    public NotificationsProperties {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080"
                : publicBaseUrl.replaceAll("/+$", "");
        from = from == null || from.isBlank() ? "Tienda <no-reply@tienda.local>" : from;
        staffRecipients = staffRecipients == null ? List.of()
                : staffRecipients.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        staffLanguage = staffLanguage == null || staffLanguage.isBlank() ? "es" : staffLanguage;
        contactWait = contactWait == null ? Duration.ofHours(24) : contactWait;
        contactRetry = contactRetry == null ? Duration.ofSeconds(30) : contactRetry;
        sender = sender == null ? new Sender(null, null, null, null, null, null) : sender;
    }

    /**
     * @param interval        pause between two rounds of the sender
     * @param batchSize       messages one round sends at most
     * @param lease           how long a claimed message is reserved for the replica that claimed it
     * @param initialBackoff  wait after the first failed send; it doubles with each further failure
     * @param maxBackoff      the longest wait between two attempts
     * @param maxAttempts     failed sends after which a message is given up (FAILED)
     */
    public record Sender(Duration interval, Integer batchSize, Duration lease, Duration initialBackoff,
            Duration maxBackoff, Integer maxAttempts) {

        public Sender {
            interval = interval == null ? Duration.ofSeconds(1) : interval;
            batchSize = batchSize == null ? 50 : batchSize;
            lease = lease == null ? Duration.ofMinutes(2) : lease;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
            maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        }
    }
}
