package io.tienda.inventory.reservation.messaging;

import io.tienda.platform.events.Topics;
import io.tienda.platform.messaging.InboundMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The checkout saga's commands. Commands of one order share a key, hence a partition, hence one
 * consumer thread: they are applied in the order they were sent. A failing command is retried with
 * backoff, then dead-lettered to {@code inventory.commands.DLT} (the platform's error handler).
 */
@Component
class InventoryCommandListener {

    private final InventoryCommands commands;

    InventoryCommandListener(InventoryCommands commands) {
        this.commands = commands;
    }

    @KafkaListener(topics = Topics.INVENTORY_COMMANDS, groupId = "inventory-service",
            concurrency = "${tienda.inventory.commands.concurrency:3}")
    void on(ConsumerRecord<String, String> record) {
        commands.handle(InboundMessage.from(record));
    }
}
