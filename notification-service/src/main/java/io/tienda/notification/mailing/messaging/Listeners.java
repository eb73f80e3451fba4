package io.tienda.notification.mailing.messaging;

import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;

/** What the listeners share: one consumer group, so that each event is handled by one replica. */
final class Listeners {

    static final String GROUP = "notification-service";

    private Listeners() {
    }

    /** A message missing what its mail needs can never succeed: it goes to the dead-letter topic at once. */
    static void require(InboundMessage message, Object... fields) {
        for (Object field : fields) {
            if (field == null || field instanceof String text && text.isBlank()) {
                throw new PoisonMessageException(message.type() + " " + message.eventId()
                        + " lacks a field its notification needs", null);
            }
        }
    }
}
