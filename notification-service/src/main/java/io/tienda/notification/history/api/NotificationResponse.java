package io.tienda.notification.history.api;

import io.tienda.notification.history.domain.Notification;

import java.time.Instant;

/**
 * A notification as its recipient and support see it: what was sent (template, subject once sent),
 * through which channel, and how it went (status, attempts, next attempt, why it failed).
 */
public record NotificationResponse(String id, String recipientId, String channel, String template, String subject,
        String status, int attempts, Instant nextAttemptAt, String failureReason, Instant createdAt, Instant sentAt) {

    static NotificationResponse of(Notification n) {
        return new NotificationResponse(n.id(), n.recipientId(), n.channel().name(), n.template(), n.subject(),
                n.status().name(), n.attempts(),
                n.status() == Notification.Status.PENDING ? n.nextAttemptAt() : null, n.failureReason(),
                n.createdAt(), n.sentAt());
    }
}
