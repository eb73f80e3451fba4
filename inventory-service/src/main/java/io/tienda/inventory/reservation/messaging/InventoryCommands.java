package io.tienda.inventory.reservation.messaging;

import io.tienda.inventory.reservation.Reservations;
import io.tienda.inventory.stock.Receiving;
import io.tienda.inventory.stock.domain.Sku;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.saga.CommitStock;
import io.tienda.platform.events.saga.ReleaseStock;
import io.tienda.platform.events.saga.ReserveStock;
import io.tienda.platform.events.saga.RestockItems;
import io.tienda.platform.events.saga.StockLine;
import io.tienda.platform.inbox.JdbcInbox;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Applies one command from {@code inventory.commands} in one transaction with its inbox row, its
 * stock movements, its reply and its events. A message delivered again (same event id) finds its
 * inbox row: it is answered again from the reservation as it stands, in a transaction of its own,
 * without moving any stock. Either way every delivery gets the same reply, so a saga waiting for a
 * reply that was lost on its side still gets one.
 */
@Component
public class InventoryCommands {

    /** The inbox's name for this consumer. */
    public static final String CONSUMER = "inventory-commands";

    private final JdbcInbox inbox;
    private final TransactionTemplate transactions;
    private final Reservations reservations;
    private final Receiving receiving;

    InventoryCommands(JdbcInbox inbox, TransactionTemplate transactions, Reservations reservations,
            Receiving receiving) {
        this.inbox = inbox;
        this.transactions = transactions;
        this.reservations = reservations;
        this.receiving = receiving;
    }

    /** Applies the command and answers the reply it published. */
    public Object handle(InboundMessage message) {
        Supplier<Object> command = parse(message);
        AtomicReference<Object> reply = new AtomicReference<>();
        boolean first = inbox.once(CONSUMER, message, () -> reply.set(command.get()));
        if (!first) {
            reply.set(transactions.execute(status -> command.get()));
        }
        return reply.get();
    }

    /** A command that cannot be read, or of a type this service does not handle, will never succeed. */
    private Supplier<Object> parse(InboundMessage message) {
        return switch (message.type()) {
            case "inventory.reserve" -> {
                ReserveStock reserve = message.payloadAs(ReserveStock.class);
                requireOrder(message, reserve.orderId());
                yield () -> reservations.reserve(reserve);
            }
            case "inventory.release" -> {
                ReleaseStock release = message.payloadAs(ReleaseStock.class);
                requireOrder(message, release.orderId());
                yield () -> reservations.release(release);
            }
            case "inventory.commit" -> {
                CommitStock commit = message.payloadAs(CommitStock.class);
                requireOrder(message, commit.orderId());
                yield () -> reservations.commit(commit);
            }
            case "inventory.restock" -> {
                RestockItems restock = message.payloadAs(RestockItems.class);
                Map<String, Integer> quantities = quantities(message, restock);
                yield () -> {
                    receiving.restock(restock.restockKey(), restock.reference(), quantities);
                    return null;
                };
            }
            default -> throw new PoisonMessageException("inventory-service does not handle " + message.type()
                    + " (" + Envelope.EVENT_ID + " " + message.eventId() + ")", null);
        };
    }

    /** Units per SKU of a restock command; one without a key or with a line of no units will never succeed. */
    private static Map<String, Integer> quantities(InboundMessage message, RestockItems restock) {
        if (restock.restockKey() == null || restock.restockKey().isBlank() || restock.restockKey().length() > 200) {
            throw new PoisonMessageException(message.type() + " " + message.eventId() + " has no usable restockKey", null);
        }
        Map<String, Integer> quantities = new TreeMap<>();
        for (StockLine line : restock.lines() == null ? List.<StockLine>of() : restock.lines()) {
            if (line == null || line.sku() == null || !line.sku().matches(Sku.PATTERN) || line.quantity() < 1) {
                throw new PoisonMessageException(message.type() + " " + message.eventId() + " has a bad line: " + line,
                        null);
            }
            quantities.merge(line.sku(), line.quantity(), Math::addExact);
        }
        return quantities;
    }

    private static void requireOrder(InboundMessage message, UUID orderId) {
        if (orderId == null) {
            throw new PoisonMessageException(message.type() + " " + message.eventId() + " names no order", null);
        }
    }
}
