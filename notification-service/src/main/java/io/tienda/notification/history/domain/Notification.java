package io.tienda.notification.history.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One message sent (or being sent) to a customer. {@code template} names what was sent
 * (e.g. {@code order-confirmed}); the rendered body is not kept in the history.
 */
public record Notification(String id, String recipientId, Channel channel, String template, String subject,
        Status status, Instant createdAt, Instant sentAt) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public enum Channel { EMAIL, SMS, PUSH }

    public enum Status { PENDING, SENT, FAILED }
}
