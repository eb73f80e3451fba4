package io.tienda.platform.outbox;

import io.tienda.platform.messaging.KafkaMessageSender;
import io.tienda.platform.messaging.OutboundMessage;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The registry's listener that externalizes outbox messages to Kafka after commit. Spring Modulith
 * records a publication for it in the committing transaction and marks it complete only when this
 * method returns; when the send throws, the publication stays incomplete for resubmission.
 *
 * <p>It runs on {@link #EXECUTOR}, by default a single thread with a bounded queue, never on the
 * committing thread: that thread still holds its database connection until every after-commit
 * callback has returned, and marking the publication complete needs a second one. With as many writers as the pool has connections,
 * each would wait for a connection only another writer could release. One thread sends in the order
 * the committing threads hand their messages over, which is commit order unless a committing thread is
 * descheduled between its commit and its hand-off: two transactions committed a moment apart may then
 * reach Kafka in either order. Consumers must not rely on arrival order across transactions; facts that
 * a later one may overtake carry a version (inventory.stock_changed), and the saga's replies are matched
 * to what it awaits. When the queue is
 * full the hand-off is refused and logged, and the publication is resubmitted later like any other
 * incomplete one.
 */
public class OutboxRelay {

    /** The bean name of the relay's executor. */
    public static final String EXECUTOR = "tiendaOutboxRelayExecutor";

    private final KafkaMessageSender sender;

    public OutboxRelay(KafkaMessageSender sender) {
        this.sender = sender;
    }

    @Async(EXECUTOR)
    @TransactionalEventListener
    public void relay(OutboundMessage message) {
        sender.send(message);
    }
}
