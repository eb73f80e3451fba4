package io.tienda.order.saga.messaging;

import io.tienda.order.orders.domain.NextAction;
import io.tienda.order.saga.CheckoutSagas;
import io.tienda.order.saga.domain.SagaReply;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.PaymentAuthorized;
import io.tienda.platform.events.saga.PaymentCaptured;
import io.tienda.platform.events.saga.PaymentFailed;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.events.saga.StockRejected;
import io.tienda.platform.events.saga.StockReserved;
import io.tienda.platform.inbox.JdbcInbox;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * Replies of inventory and payment on {@code order.saga.replies}, keyed by order id, so one order's
 * replies arrive in order on one thread. Each is applied once through the inbox (consumer
 * {@value #CONSUMER}), in the transaction of its effect. Types the saga does not know are skipped:
 * contracts grow, and participants may reply with more than the saga needs.
 */
@Component
class SagaReplyListener {

    static final String CONSUMER = "order-saga";

    private static final Logger log = LoggerFactory.getLogger(SagaReplyListener.class);

    private final JdbcInbox inbox;
    private final CheckoutSagas sagas;

    SagaReplyListener(JdbcInbox inbox, CheckoutSagas sagas) {
        this.inbox = inbox;
        this.sagas = sagas;
    }

    @KafkaListener(topics = Topics.SAGA_REPLIES, groupId = "order-service",
            concurrency = "${tienda.orders.saga.reply-concurrency:3}")
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        SagaReply reply = reply(message);
        if (reply == null) {
            log.debug("skipping {} {}: not a reply the checkout saga awaits", message.type(), message.eventId());
            return;
        }
        UUID orderId = orderId(message);
        inbox.once(CONSUMER, message, () -> sagas.onReply(orderId, reply));
    }

    /** The saga's view of a reply, or null for a type it does not handle. */
    static SagaReply reply(InboundMessage message) {
        return switch (message.type()) {
            case "inventory.stock_reserved" -> {
                StockReserved reserved = message.payloadAs(StockReserved.class);
                yield new SagaReply.StockReserved(reserved.reservationId(), reserved.expiresAt());
            }
            case "inventory.stock_rejected" -> {
                StockRejected rejected = message.payloadAs(StockRejected.class);
                yield new SagaReply.StockRejected(rejected.reason(), rejected.unavailableSkus());
            }
            case "inventory.stock_released" -> new SagaReply.StockReleased();
            case "inventory.stock_committed" -> new SagaReply.StockCommitted();
            case "payment.authorized" -> new SagaReply.PaymentAuthorized(
                    message.payloadAs(PaymentAuthorized.class).paymentId());
            case "payment.failed" -> {
                PaymentFailed failed = message.payloadAs(PaymentFailed.class);
                yield new SagaReply.PaymentFailed(failed.reason(), failed.declineCode());
            }
            case "payment.captured" -> new SagaReply.PaymentCaptured(
                    message.payloadAs(PaymentCaptured.class).paymentId());
            case "payment.refunded" -> {
                PaymentRefunded refunded = message.payloadAs(PaymentRefunded.class);
                yield new SagaReply.PaymentRefunded(refunded.refundId(), refunded.refundKey(), refunded.amount());
            }
            case "payment.voided" -> new SagaReply.PaymentVoided();
            case "payment.capture_failed" -> new SagaReply.PaymentCaptureFailed(
                    firstText(json(message), "reason"));
            case "payment.refund_failed" -> {
                PaymentRefundFailed failed = message.payloadAs(PaymentRefundFailed.class);
                // Nothing was left of the payment to give back (earlier refunds, pending ones or money paid
                // back outside the provider cover it): the reversal is done, for nothing more.
                yield failed.nothingLeftToRefund()
                        ? new SagaReply.PaymentRefunded(null, failed.refundKey(),
                                failed.amount() == null ? null : Money.of(0, failed.amount().currency()))
                        : new SagaReply.PaymentRefundFailed(failed.reason(), failed.refundKey(), failed.amount());
            }
            case "payment.action_required" -> new SagaReply.PaymentActionRequired(nextAction(json(message)));
            default -> null;
        };
    }

    /**
     * 3-D Secure: {@code {orderId, paymentId, nextActionType, nextActionUrl, clientSecret}}. The saga
     * sets until when the order waits.
     */
    private static NextAction nextAction(JsonNode body) {
        String type = firstText(body, "nextActionType");
        return new NextAction(type == null ? "redirect_to_url" : type, firstText(body, "nextActionUrl"),
                firstText(body, "clientSecret"), null);
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return null;
    }

    private static UUID orderId(InboundMessage message) {
        String id = firstText(json(message), "orderId");
        try {
            return UUID.fromString(id != null ? id : message.aggregateId());
        } catch (RuntimeException e) {
            throw new PoisonMessageException(message.type() + " " + message.eventId() + " names no order", e);
        }
    }

    private static JsonNode json(InboundMessage message) {
        try {
            return EventJson.mapper().readTree(message.payload());
        } catch (RuntimeException e) {
            throw new PoisonMessageException("body of " + message.type() + " " + message.eventId()
                    + " is not JSON", e);
        }
    }
}
