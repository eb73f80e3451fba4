package io.tienda.notification.mailing.messaging;

import io.tienda.notification.mailing.EventMails;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.user.PasswordResetRequested;
import io.tienda.platform.events.user.UserContactChanged;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.events.user.UserRegistered;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code user.events}: the address book (sign-up, contact changes, erasure) and the verification and
 * password-reset mails. These messages carry single-use tokens: nothing here logs a payload.
 */
@Component
class UserEventsListener {

    private static final String REGISTERED = Envelope.typeOf(UserRegistered.class);
    private static final String RESET = Envelope.typeOf(PasswordResetRequested.class);
    private static final String CONTACT = Envelope.typeOf(UserContactChanged.class);
    private static final String ERASED = Envelope.typeOf(UserErased.class);

    private final EventMails mails;

    UserEventsListener(EventMails mails) {
        this.mails = mails;
    }

    @KafkaListener(topics = Topics.USER_EVENTS, groupId = Listeners.GROUP)
    void on(ConsumerRecord<String, String> record) {
        handle(InboundMessage.from(record));
    }

    void handle(InboundMessage message) {
        String type = message.type();
        if (REGISTERED.equals(type)) {
            UserRegistered e = message.payloadAs(UserRegistered.class);
            Listeners.require(message, e.userId(), e.email(), e.verificationToken());
            mails.registered(message.eventId(), message.occurredAt(), e);
        } else if (RESET.equals(type)) {
            PasswordResetRequested e = message.payloadAs(PasswordResetRequested.class);
            Listeners.require(message, e.userId(), e.email(), e.token());
            mails.passwordResetRequested(message.eventId(), e);
        } else if (CONTACT.equals(type)) {
            UserContactChanged e = message.payloadAs(UserContactChanged.class);
            Listeners.require(message, e.userId(), e.email());
            mails.contactChanged(message.occurredAt(), e);
        } else if (ERASED.equals(type)) {
            UserErased e = message.payloadAs(UserErased.class);
            if (e.userId() == null) {
                throw new PoisonMessageException("user.erased " + message.eventId() + " names no user", null);
            }
            mails.erased(e);
        }
    }
}
