package io.tienda.cart.cart.persistence;

import io.tienda.cart.cart.domain.CartId;
import io.tienda.cart.cart.domain.PendingEvents;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.messaging.OutboundMessage;
import io.tienda.platform.outbox.OutboxBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The per-cart outbox lists that cart-save appends to. */
@Repository
class RedisPendingEvents implements PendingEvents {

    private static final Logger log = LoggerFactory.getLogger(RedisPendingEvents.class);
    private static final RedisScript<Long> SENT = RedisCarts.script("outbox-sent", Long.class);

    private final StringRedisTemplate redis;

    RedisPendingEvents(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public List<OutboundMessage> of(CartId id, int max) {
        List<String> raw = redis.opsForList().range(CartKeys.outbox(id), 0, max - 1L);
        List<OutboundMessage> messages = new ArrayList<>();
        if (raw == null) {
            return messages;
        }
        for (String json : raw) {
            try {
                messages.add(EventJson.read(json, OutboundMessage.class));
            } catch (RuntimeException e) {
                // never written by this service; keeping it would block the cart's outbox forever
                log.error("dropping an unreadable outbox entry of cart {}: {}", id, json, e);
                redis.opsForList().remove(CartKeys.outbox(id), 1, json);
            }
        }
        return messages;
    }

    @Override
    public void sent(CartId id, OutboundMessage message) {
        redis.execute(SENT, List.of(CartKeys.outbox(id)), message.eventId().toString());
    }

    /**
     * Every pending message and the oldest one's time, for the outbox gauges: a scan of the outbox
     * keys, like the sweep's, then the length and the head of each list.
     */
    OutboxBacklog.Snapshot backlog() {
        long messages = 0;
        Instant oldest = null;
        for (CartId id : cartsWithPending(Integer.MAX_VALUE)) {
            String key = CartKeys.outbox(id);
            Long length = redis.opsForList().size(key);
            String head = redis.opsForList().index(key, 0);
            if (length == null || length == 0 || head == null) {
                continue;
            }
            messages += length;
            try {
                Instant written = EventJson.read(head, OutboundMessage.class).occurredAt();
                oldest = oldest == null || written.isBefore(oldest) ? written : oldest;
            } catch (RuntimeException e) {
                // unreadable: the relay drops it on its next pass; it still counts as pending until then
            }
        }
        return new OutboxBacklog.Snapshot(messages, oldest);
    }

    @Override
    public List<CartId> cartsWithPending(int max) {
        List<CartId> carts = new ArrayList<>();
        ScanOptions options = ScanOptions.scanOptions().match(CartKeys.OUTBOX_PATTERN).count(1000).build();
        try (Cursor<String> keys = redis.scan(options)) {
            while (keys.hasNext() && carts.size() < max) {
                carts.add(CartKeys.fromOutbox(keys.next()));
            }
        }
        return carts;
    }
}
