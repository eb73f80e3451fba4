package io.tienda.analytics.facts.messaging;

import io.tienda.platform.events.Topics;

import java.util.List;

/** The topics analytics reads; their owners create them. */
final class AnalyticsTopics {

    static final List<String> ALL = List.of(Topics.ORDER_EVENTS, Topics.PAYMENT_EVENTS, Topics.RETURNS_EVENTS,
            Topics.CART_EVENTS, Topics.PRODUCT_EVENTS, Topics.INVENTORY_EVENTS, Topics.USER_EVENTS);

    private AnalyticsTopics() {
    }
}
