package io.tienda.notification.delivery.domain;

import io.tienda.notification.history.domain.Notification;

/** A way to reach people: e-mail, SMS, push. */
public interface NotificationChannel {

    Notification.Channel channel();

    /** @throws DeliveryFailedException when the message did not go out and may be tried again */
    void send(Outgoing message);
}
