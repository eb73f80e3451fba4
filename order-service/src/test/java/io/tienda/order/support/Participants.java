package io.tienda.order.support;

import io.tienda.platform.events.Topics;
import io.tienda.platform.testing.messaging.EventMessages;
import io.tienda.platform.testing.messaging.EventMessages.Published;

import java.util.List;
import java.util.UUID;

/**
 * Inventory, payment and product-service as the saga sees them: commands read from
 * {@code inventory.commands}, {@code payment.commands} and {@code product.commands} (coupons), replies
 * sent to {@code order.saga.replies} with the platform's envelope, the facts on {@code order.events}, and
 * user-service's facts on {@code user.events} (an account's erasure); every message read carries the envelope's headers and is checked against its contract
 * ({@link EventMessages}, keyed by the order id here).
 */
public final class Participants implements AutoCloseable {

    private final EventMessages messages;

    Participants(String bootstrapServers) {
        this.messages = new EventMessages(bootstrapServers);
    }

    /** Replies as inventory or payment would, with a fresh event id; answers the id. */
    public UUID reply(UUID orderId, Object reply) {
        return messages.send(Topics.SAGA_REPLIES, orderId.toString(), reply);
    }

    /** Sends a reply of any type with a chosen event id (a redelivery repeats it). */
    public void reply(UUID orderId, UUID eventId, String type, String body) {
        messages.send(Topics.SAGA_REPLIES, orderId.toString(), eventId, type, body);
    }

    /** Sends a fact of user-service on user.events, keyed by the user as user-service keys it; answers its id. */
    public UUID user(UUID userId, Object fact) {
        return messages.send(Topics.USER_EVENTS, userId.toString(), fact);
    }

    /** Sends a user-service fact with a chosen event id (a redelivery repeats it). */
    public void user(UUID userId, UUID eventId, Object fact) {
        messages.send(Topics.USER_EVENTS, userId.toString(), eventId, fact);
    }

    /** Waits for {@code count} commands of {@code type} for the order on inventory.commands. */
    public List<Published> inventory(String type, UUID orderId, int count) {
        return await(Topics.INVENTORY_COMMANDS, type, orderId.toString(), count);
    }

    public List<Published> payment(String type, UUID orderId, int count) {
        return await(Topics.PAYMENT_COMMANDS, type, orderId.toString(), count);
    }

    /** Coupon commands for the order on product.commands (product-service answers none). */
    public List<Published> product(String type, UUID orderId, int count) {
        return await(Topics.PRODUCT_COMMANDS, type, orderId.toString(), count);
    }

    public List<Published> facts(String type, UUID orderId, int count) {
        return await(Topics.ORDER_EVENTS, type, orderId.toString(), count);
    }

    /** Every message for the order on {@code topic} seen within a short window, of any type. */
    public List<Published> all(String topic, UUID orderId) {
        return messages.all(topic, orderId.toString());
    }

    /** Waits until {@code count} messages of {@code type} keyed {@code key} are on {@code topic} (30 s at most). */
    public List<Published> await(String topic, String type, String key, int count) {
        return messages.await(topic, type, key, count);
    }

    @Override
    public void close() {
        messages.close();
    }
}
