package io.tienda.notification.history.persistence;

import io.tienda.notification.history.domain.Notification;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A notification as stored in the {@code notifications} collection. {@code claimedUntil} is the
 * sender's lease on a message it is sending; it belongs to storage, not to the domain.
 */
@Document(NotificationDocument.COLLECTION)
record NotificationDocument(@Id String id, String recipientId, List<String> addresses, String language,
        String orderId, String channel, String template, String subject, Map<String, String> variables,
        String status, Integer attempts, Instant nextAttemptAt, String failureReason, Instant createdAt,
        Instant sentAt, Instant claimedUntil) {

    static final String COLLECTION = "notifications";

    static NotificationDocument of(Notification n) {
        return new NotificationDocument(n.id(), n.recipientId(), n.addresses().isEmpty() ? null : n.addresses(),
                n.language(), n.orderId(), n.channel().name(), n.template(), n.subject(),
                n.variables().isEmpty() ? null : n.variables(), n.status().name(), n.attempts(), n.nextAttemptAt(),
                n.failureReason(), n.createdAt(), n.sentAt(), null);
    }

    Notification toDomain() {
        return new Notification(id, recipientId, addresses, language, orderId, Notification.Channel.valueOf(channel),
                template, subject, variables, Notification.Status.valueOf(status), attempts == null ? 0 : attempts,
                nextAttemptAt, failureReason, createdAt, sentAt);
    }
}
