package io.tienda.notification.delivery.channel;

import io.tienda.notification.delivery.domain.NotificationChannel;
import io.tienda.notification.delivery.domain.Outgoing;
import io.tienda.notification.history.domain.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stands in for an SMS provider, which Tienda has not chosen yet: it sends nothing and only logs a
 * redacted line (the message id and how many recipients, never numbers or text).
 */
@Component
class LoggingSmsChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsChannel.class);

    @Override
    public Notification.Channel channel() {
        return Notification.Channel.SMS;
    }

    @Override
    public void send(Outgoing message) {
        log.info("SMS not sent (no SMS provider configured): notification {} to {} recipient(s), {} characters",
                message.notificationId(), message.to().size(), message.text().length());
    }
}
