package io.tienda.notification.delivery.domain;

import io.tienda.notification.history.domain.Notification;

import java.util.List;

/** A rendered message on its way out through one channel. */
public record Outgoing(String notificationId, Notification.Channel channel, List<String> to, String subject,
        String html, String text) {

    public Outgoing {
        to = List.copyOf(to);
    }

    @Override
    public String toString() {
        // Addresses and bodies (which may hold single-use links) stay out of logs.
        return "Outgoing[" + notificationId + ", " + channel + ", " + to.size() + " recipient(s)]";
    }
}
