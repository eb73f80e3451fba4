package io.tienda.notification.history.domain;

import io.tienda.platform.core.Page;

/** What was sent to whom, as stored. */
public interface NotificationHistory {

    /** The recipient's notifications, newest first. */
    Page<Notification> forRecipient(String recipientId, int page, int size);
}
