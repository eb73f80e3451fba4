package io.tienda.inventory.support;

import io.tienda.platform.messaging.InboundMessage;
import io.tienda.inventory.reservation.messaging.InventoryCommands;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.CommitStock;
import io.tienda.platform.events.saga.ReleaseStock;
import io.tienda.platform.events.saga.ReserveStock;
import io.tienda.platform.events.saga.StockLine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The checkout saga's commands, handed to the command handler as the listener would after reading
 * them from Kafka: one transaction each, with the inbox, the stock, the reply and the events.
 */
public final class Saga {

    private final InventoryCommands commands;

    public Saga(InventoryCommands commands) {
        this.commands = commands;
    }

    /** Order lines as {@code sku, quantity, sku, quantity...}. */
    public static List<StockLine> lines(Object... skuAndQuantity) {
        List<StockLine> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(new StockLine((String) skuAndQuantity[i], (Integer) skuAndQuantity[i + 1]));
        }
        return lines;
    }

    public Object reserve(UUID orderId, Duration hold, List<StockLine> lines) {
        return send(orderId, new ReserveStock(orderId, lines, Instant.now().plus(hold)));
    }

    public Object reserve(UUID orderId, List<StockLine> lines) {
        return reserve(orderId, Duration.ofMinutes(15), lines);
    }

    public Object release(UUID orderId, String reason) {
        return send(orderId, new ReleaseStock(orderId, reason));
    }

    public Object commit(UUID orderId) {
        return send(orderId, new CommitStock(orderId));
    }

    /** Delivers a command with a new event id, as a saga that sends it again would. */
    public Object send(UUID orderId, Object command) {
        return commands.handle(InboundMessage.of(Topics.INVENTORY_COMMANDS, command, UUID.randomUUID(),
                orderId.toString()));
    }
}
