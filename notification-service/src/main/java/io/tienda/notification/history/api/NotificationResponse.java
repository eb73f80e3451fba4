package io.tienda.notification.history.api;

import io.tienda.notification.history.domain.Notification;

import java.time.Instant;

public record NotificationResponse(String id, String recipientId, String channel, String template, String subject,
        String status, Instant createdAt, Instant sentAt) {

    static NotificationResponse of(Notification n) {
        return new NotificationResponse(n.id(), n.recipientId(), n.channel().name(), n.template(), n.subject(),
                n.status().name(), n.createdAt(), n.sentAt());
    }
}
