package io.tienda.order.replacement;

import io.tienda.order.orders.OrderFacts;
import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.domain.OrderLine;
import io.tienda.order.orders.domain.OrderTotals;
import io.tienda.order.orders.domain.Orders;
import io.tienda.order.saga.CheckoutSagas;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.saga.CreateReplacementOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orders sent at no charge in place of returned units, asked for by returns-service. The order gets
 * the id the command chose (so a replay creates nothing new), the original order's shipping address,
 * total 0, and the checkout saga's stock steps: reserve, confirm, commit — with nothing to pay, no
 * payment is ever asked for. Its outcome is the usual {@code order.confirmed} or {@code order.rejected}.
 * Its {@code order.placed} and {@code order.confirmed} name the original order: a replacement is no sale.
 * The original order says whose replacement it is: the command's customer may differ (returns-service
 * anonymises a return once its customer erased their account) and is only logged. When that customer's
 * erasure has already taken the original's address there is nowhere to send it: the replacement is
 * answered {@code order.rejected} ({@value #ADDRESS_ERASED}), as one without stock is, and never created.
 */
@Service
public class Replacements {

    private static final Logger log = LoggerFactory.getLogger(Replacements.class);

    /** Why a replacement of an order whose address was erased is rejected. */
    static final String ADDRESS_ERASED = "address-erased";

    private final Orders orders;
    private final OrderFacts facts;
    private final CheckoutSagas sagas;
    private final Clock clock;

    Replacements(Orders orders, OrderFacts facts, CheckoutSagas sagas, Clock clock) {
        this.orders = orders;
        this.facts = facts;
        this.sagas = sagas;
        this.clock = clock;
    }

    /** Why a replacement cannot be created, ever: the command is wrong, not the moment. */
    public static final class UnusableCommand extends RuntimeException {

        UnusableCommand(String message) {
            super(message);
        }
    }

    /**
     * Creates the replacement order and starts its saga, in one transaction; answers false when the
     * order exists already (a replay) or cannot be shipped because the original's address was erased.
     */
    @Transactional
    public boolean create(CreateReplacementOrder command) {
        if (orders.find(command.orderId()).isPresent()) {
            log.info("replacement order {} exists already; nothing new", command.orderId());
            return false;
        }
        Order original = orders.find(command.originalOrderId()).orElseThrow(() -> new UnusableCommand(
                "replacement " + command.orderId() + " names unknown order " + command.originalOrderId()));
        if (!original.customerId().equals(command.customerId())) {
            // returns-service anonymises a return's customer when they erase their account, while the order
            // keeps its customer for the books; refusing would leave the return waiting for an answer forever
            log.info("replacement {} names another customer than order {}; it is for the order's customer",
                    command.orderId(), command.originalOrderId());
        }
        if (command.lines() == null || command.lines().isEmpty()) {
            throw new UnusableCommand("replacement " + command.orderId() + " has no lines");
        }
        String currency = Optional.ofNullable(command.lines().get(0).unitPrice()).map(Money::currency)
                .orElse(original.totals().currency());
        List<OrderLine> lines = new ArrayList<>();
        for (io.tienda.platform.events.saga.OrderLine line : command.lines()) {
            if (line.quantity() < 1 || line.sku() == null) {
                throw new UnusableCommand("replacement " + command.orderId() + " has a bad line " + line);
            }
            lines.add(new OrderLine(lines.size() + 1, line.sku(), line.productId(), line.name(), line.quantity(), 0, 0,
                    0));
        }
        Order order = Order.place(command.orderId(), original.customerId(),
                new OrderTotals(currency, 0, 0, 0, 0, original.totals().taxIncluded(), 0), lines,
                original.shippingAddress(), null, null, null, "replacement:" + command.orderId(), null,
                clock.instant());
        if (original.shippingAddress() != null && original.shippingAddress().isErased()) {
            // Storing it would ship to nobody, or copy back an address its customer had erased. returns-service
            // takes the rejection for a failed exchange and leaves the return for staff to refund instead. A
            // command sent again rejects it again, which returns-service ignores once the return has moved on.
            facts.rejected(order, ADDRESS_ERASED);
            log.info("replacement order {} for order {} ({}) rejected: the customer's address was erased",
                    command.orderId(), original.number(), command.reference());
            return false;
        }
        Order stored = orders.insert(order);
        orders.markReplacement(stored.id(), original.id(), command.reference());
        facts.replacementPlaced(stored, original.id());
        sagas.start(stored, "replacement-" + stored.id(), Money.of(0, currency));
        log.info("replacement order {} ({}) for order {} ({}) placed", stored.number(), stored.id(),
                original.number(), command.reference());
        return true;
    }
}
