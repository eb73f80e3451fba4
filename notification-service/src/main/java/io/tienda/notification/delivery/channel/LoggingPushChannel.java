package io.tienda.notification.delivery.channel;

import io.tienda.notification.delivery.domain.NotificationChannel;
import io.tienda.notification.delivery.domain.Outgoing;
import io.tienda.notification.history.domain.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stands in for a push provider (APNs, FCM), which Tienda has not chosen yet: it sends nothing and only logs a
 * redacted line (the message id and how many recipients, never device tokens or text).
 */
@Component
class LoggingPushChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(LoggingPushChannel.class);

    @Override
    public Notification.Channel channel() {
        return Notification.Channel.PUSH;
    }

    @Override
    public void send(Outgoing message) {
        log.info("Push not sent (no push provider configured): notification {} to {} recipient(s), {} characters",
                message.notificationId(), message.to().size(), message.text().length());
    }
}
