package io.tienda.product.offer.messaging;

import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.RedeemCoupon;
import io.tienda.platform.events.saga.ReleaseCoupon;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import io.tienda.product.offer.CouponRedemptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The checkout saga's coupon commands on {@code product.commands}: {@code product.redeem_coupon} once
 * an order's stock is committed, {@code product.release_coupon} when a cancelled order gives its use
 * back. They come from order-service, a trusted internal caller, and need no reply. Commands of one
 * order share a key, hence a partition: a use and its return are applied in the order they were sent.
 * The outbox may send a redemption after the release of a later transaction (its first send failed);
 * the release then leaves a mark that keeps the late redemption from counting. Each is applied once: by order id, and by its event id remembered in the offer's document with the
 * change (the platform's inbox for MongoDB). A coupon that can no longer take a use is logged and
 * skipped, not retried; what cannot be read goes to {@code product.commands.DLT}; anything else
 * (MongoDB down) is retried with backoff by the platform's error handler, then dead-lettered.
 */
@Component
class CouponCommandListener {

    static final String GROUP = "product-service";
    private static final String REDEEM = Envelope.typeOf(RedeemCoupon.class);
    private static final String RELEASE = Envelope.typeOf(ReleaseCoupon.class);

    private static final Logger log = LoggerFactory.getLogger(CouponCommandListener.class);

    private final CouponRedemptions redemptions;

    CouponCommandListener(CouponRedemptions redemptions) {
        this.redemptions = redemptions;
    }

    @KafkaListener(topics = Topics.PRODUCT_COMMANDS, groupId = GROUP)
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        if (REDEEM.equals(message.type())) {
            RedeemCoupon redeem = message.payloadAs(RedeemCoupon.class);
            requireOrderAndCode(message, redeem.orderId(), redeem.code());
            if (redeem.orderTotal() == null) {
                throw new PoisonMessageException(message.type() + " " + message.eventId() + " has no orderTotal", null);
            }
            CouponRedemptions.Applied applied = redemptions.redeemForCheckout(message.eventId(), redeem.code(),
                    redeem.orderId().toString(), redeem.customerId(), redeem.orderTotal());
            log.debug("{} {} of order {}: {}", message.type(), redeem.code(), redeem.orderId(), applied);
        } else if (RELEASE.equals(message.type())) {
            ReleaseCoupon release = message.payloadAs(ReleaseCoupon.class);
            requireOrderAndCode(message, release.orderId(), release.code());
            CouponRedemptions.Applied applied = redemptions.releaseForCheckout(message.eventId(), release.code(),
                    release.orderId().toString());
            log.debug("{} {} of order {}: {}", message.type(), release.code(), release.orderId(), applied);
        } else {
            throw new PoisonMessageException("product-service does not handle " + message.type() + " ("
                    + Envelope.EVENT_ID + " " + message.eventId() + ")", null);
        }
    }

    private static void requireOrderAndCode(InboundMessage message, UUID orderId, String code) {
        if (orderId == null || code == null || code.isBlank()) {
            throw new PoisonMessageException(message.type() + " " + message.eventId() + " names no order or code",
                    null);
        }
    }
}
