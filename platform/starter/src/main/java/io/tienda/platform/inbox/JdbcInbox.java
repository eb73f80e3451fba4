package io.tienda.platform.inbox;

import io.tienda.platform.messaging.InboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent-consumer inbox for PostgreSQL services. Kafka delivers at least once; this makes
 * the effect happen exactly once by recording {@code (consumer, event_id)} in the SAME transaction
 * as the effect. A redelivery finds the row and skips; a failed effect rolls the row back too, so
 * the retry runs the effect again.
 *
 * <pre>{@code
 * @KafkaListener(topics = Topics.ORDER_EVENTS)
 * void on(ConsumerRecord<String, String> record) {
 *     InboundMessage m = InboundMessage.from(record);
 *     inbox.once("order-projection", m, () -> projections.apply(m.payloadAs(OrderConfirmed.class)));
 * }
 * }</pre>
 */
public class JdbcInbox {

    private static final Logger log = LoggerFactory.getLogger(JdbcInbox.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcInbox(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Runs {@code effect} unless this consumer already processed the message; true when it ran. */
    public boolean once(String consumer, InboundMessage message, Runnable effect) {
        Boolean applied = transactions.execute(status -> {
            int inserted = jdbc.update("""
                    insert into tienda_inbox (consumer, event_id, event_type, topic, received_at)
                    values (?, ?, ?, ?, now())
                    on conflict (consumer, event_id) do nothing
                    """, consumer, message.eventId(), message.type(), message.topic());
            if (inserted == 0) {
                log.debug("{} already processed {} {}", consumer, message.type(), message.eventId());
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }
}
