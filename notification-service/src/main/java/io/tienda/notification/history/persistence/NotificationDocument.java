package io.tienda.notification.history.persistence;

import io.tienda.notification.history.domain.Notification;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A notification as stored in the {@code notifications} collection. */
@Document(NotificationDocument.COLLECTION)
record NotificationDocument(@Id String id, String recipientId, String channel, String template, String subject,
        String status, Instant createdAt, Instant sentAt) {

    static final String COLLECTION = "notifications";

    Notification toDomain() {
        return new Notification(id, recipientId, Notification.Channel.valueOf(channel), template, subject,
                Notification.Status.valueOf(status), createdAt, sentAt);
    }
}
