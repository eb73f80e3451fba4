package io.tienda.cart.cart;

import io.tienda.cart.cart.domain.CartId;
import io.tienda.cart.cart.domain.LineChange;
import io.tienda.cart.cart.domain.PricedCart;
import io.tienda.cart.cart.domain.PricedLine;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.cart.CartCheckoutStarted;
import io.tienda.platform.events.cart.CartItemAdded;
import io.tienda.platform.events.cart.CartItemRemoved;
import io.tienda.platform.events.cart.CheckoutLine;
import io.tienda.platform.messaging.MessageFactory;
import io.tienda.platform.messaging.OutboundMessage;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The funnel facts a cart change publishes on {@code cart.events}, keyed by cart id. */
@Component
class CartEvents {

    private final MessageFactory messages;
    private final Clock clock;

    CartEvents(MessageFactory messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** One cart.item_added or cart.item_removed per line whose quantity moved. */
    List<OutboundMessage> forChanges(CartId id, List<LineChange> changes, Map<String, Money> prices) {
        Instant now = clock.instant();
        String customer = id.customerId().orElse(null);
        return changes.stream().map(change -> change.added()
                ? message(id, new CartItemAdded(id.value(), customer, change.sku(), change.delta(), change.after(),
                        prices.get(change.sku()), now))
                : message(id, new CartItemRemoved(id.value(), customer, change.sku(), change.delta(), change.after(),
                        now))).toList();
    }

    OutboundMessage checkoutStarted(PricedCart priced) {
        CartId id = priced.cart().id();
        List<CheckoutLine> lines = priced.lines().stream().filter(PricedLine::priced)
                .map(line -> new CheckoutLine(line.sku(), line.quantity(), line.price().unitPrice(),
                        line.price().lineTotal()))
                .toList();
        return message(id, new CartCheckoutStarted(id.value(), id.customerId().orElseThrow(), lines,
                priced.cart().itemCount(), priced.totals().total(), clock.instant()));
    }

    private OutboundMessage message(CartId id, Object payload) {
        return messages.create(Topics.CART_EVENTS, id.value(), payload);
    }
}
