package io.tienda.cart.cart;

import io.tienda.cart.CartProperties;
import io.tienda.cart.cart.domain.CartId;
import io.tienda.cart.cart.domain.PendingEvents;
import io.tienda.platform.core.DaemonThreads;
import io.tienda.platform.messaging.KafkaMessageSender;
import io.tienda.platform.messaging.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends the outbox to Kafka. Right after a change the cart's pending messages are sent in the
 * background (a request never waits for Kafka); each is removed from Redis only after the broker
 * acknowledged it (acks=all), so a crash or an outage between the write and the send leaves it
 * pending, and {@link #sweep()} sends it later. Delivery is at least once: consumers deduplicate by
 * event id. Per cart, messages go out in the order they were stored.
 */
@Component
public class CartEventRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CartEventRelay.class);
    private static final int STRIPES = 64;

    private final PendingEvents pending;
    private final KafkaMessageSender sender;
    private final int batch;
    private final Set<CartId> queued = ConcurrentHashMap.newKeySet();
    /** One cart is flushed by one thread at a time, so its messages are neither reordered nor sent twice here. */
    private final Object[] stripes = new Object[STRIPES];
    private final ExecutorService executor;

    CartEventRelay(PendingEvents pending, KafkaMessageSender sender, CartProperties properties) {
        this.pending = pending;
        this.sender = sender;
        this.batch = properties.outbox().batch();
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        this.executor = Executors.newFixedThreadPool(2, DaemonThreads.named("cart-relay"));
    }

    /** Sends the cart's pending messages soon, on a relay thread. */
    public void flushSoon(CartId id) {
        if (!queued.add(id)) {
            return;
        }
        try {
            executor.execute(() -> {
                queued.remove(id);
                flush(id);
            });
        } catch (RejectedExecutionException e) {
            queued.remove(id);
            // shutting down: the messages stay in Redis for the next start's sweep
        }
    }

    /**
     * Sends one cart's pending messages, oldest first, and stops at the first failure so that
     * order is kept. Answers how many were sent.
     */
    public int flush(CartId id) {
        synchronized (stripes[Math.floorMod(id.hashCode(), STRIPES)]) {
            int sent = 0;
            while (true) {
                List<OutboundMessage> messages = pending.of(id, batch);
                for (OutboundMessage message : messages) {
                    try {
                        sender.send(message);
                    } catch (RuntimeException e) {
                        log.warn("cart {}: {} stays pending: {}", id, message.type(), e.toString());
                        return sent;
                    }
                    pending.sent(id, message);
                    sent++;
                }
                if (messages.size() < batch) {
                    return sent;
                }
            }
        }
    }

    /** Finds every cart with pending messages and flushes it: what a crash or an outage left behind. */
    @Scheduled(fixedDelayString = "${tienda.cart.outbox.sweep-interval:10s}",
            initialDelayString = "${tienda.cart.outbox.sweep-interval:10s}")
    public int sweep() {
        int sent = 0;
        try {
            for (CartId id : pending.cartsWithPending(10_000)) {
                sent += flush(id);
            }
        } catch (RuntimeException e) {
            log.warn("outbox sweep stopped: {}", e.toString());
        }
        if (sent > 0) {
            log.info("outbox sweep sent {} pending message(s)", sent);
        }
        return sent;
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
