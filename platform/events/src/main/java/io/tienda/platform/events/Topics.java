package io.tienda.platform.events;

/**
 * Topic names. Facts are {@code <service>.events}, saga commands {@code <service>.commands},
 * and every saga participant replies on {@link #SAGA_REPLIES}. The key is always the aggregate id,
 * so all messages of one order land on one partition, in order.
 */
public final class Topics {

    public static final String ORDER_EVENTS = "order.events";
    public static final String INVENTORY_EVENTS = "inventory.events";
    public static final String PAYMENT_EVENTS = "payment.events";
    public static final String PRODUCT_EVENTS = "product.events";
    public static final String USER_EVENTS = "user.events";
    public static final String CART_EVENTS = "cart.events";
    public static final String RETURNS_EVENTS = "returns.events";

    public static final String INVENTORY_COMMANDS = "inventory.commands";
    public static final String PAYMENT_COMMANDS = "payment.commands";
    public static final String PRODUCT_COMMANDS = "product.commands";
    public static final String ORDER_COMMANDS = "order.commands";
    public static final String SAGA_REPLIES = "order.saga.replies";

    /** Where a message that cannot be processed ends up; one per source topic. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }

    private Topics() {
    }
}
