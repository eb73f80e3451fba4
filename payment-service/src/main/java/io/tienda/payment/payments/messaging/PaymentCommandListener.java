package io.tienda.payment.payments.messaging;

import io.tienda.platform.events.Topics;
import io.tienda.platform.messaging.InboundMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The checkout saga's payment commands. Commands of one order share a key, hence a partition, hence
 * one consumer thread: they are applied in the order they were sent. A failing command is retried
 * with backoff, then dead-lettered to {@code payment.commands.DLT} (the platform's error handler).
 */
@Component
class PaymentCommandListener {

    private final PaymentCommands commands;

    PaymentCommandListener(PaymentCommands commands) {
        this.commands = commands;
    }

    @KafkaListener(topics = Topics.PAYMENT_COMMANDS, groupId = "payment-service",
            concurrency = "${tienda.payments.commands.concurrency:3}")
    void on(ConsumerRecord<String, String> record) {
        commands.handle(InboundMessage.from(record));
    }
}
