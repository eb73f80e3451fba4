package io.tienda.inventory.reservation.messaging;

import io.tienda.inventory.reservation.Reservations;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.saga.CommitStock;
import io.tienda.platform.events.saga.ReleaseStock;
import io.tienda.platform.events.saga.ReserveStock;
import io.tienda.platform.inbox.JdbcInbox;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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

    InventoryCommands(JdbcInbox inbox, TransactionTemplate transactions, Reservations reservations) {
        this.inbox = inbox;
        this.transactions = transactions;
        this.reservations = reservations;
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
            default -> throw new PoisonMessageException("inventory-service does not handle " + message.type()
                    + " (" + Envelope.EVENT_ID + " " + message.eventId() + ")", null);
        };
    }

    private static void requireOrder(InboundMessage message, UUID orderId) {
        if (orderId == null) {
            throw new PoisonMessageException(message.type() + " " + message.eventId() + " names no order", null);
        }
    }
}
