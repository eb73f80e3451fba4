package io.tienda.returns.requests.messaging;

import io.tienda.platform.events.Topics;
import io.tienda.platform.events.product.ProductCreated;
import io.tienda.platform.events.product.ProductDeleted;
import io.tienda.platform.events.product.ProductPriceChanged;
import io.tienda.platform.events.product.ProductUpdated;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderDelivered;
import io.tienda.platform.events.saga.OrderRejected;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.inbox.JdbcInbox;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.returns.orders.DeliveredOrders;
import io.tienda.returns.requests.Returns;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What returns-service learns from other services, each message applied once through the inbox in
 * the transaction of its effect: delivered orders and the outcome of replacement orders
 * ({@code order.events}), refunds ({@code payment.events}), the catalog's variants, their prices and
 * whether they are still sold ({@code product.events}) and erasures ({@code user.events}). Types it
 * does not need are skipped without an inbox row.
 */
@Component
class ReturnsListeners {

    static final String GROUP = "returns-service";

    private final JdbcInbox inbox;
    private final DeliveredOrders orders;
    private final Returns returns;

    ReturnsListeners(JdbcInbox inbox, DeliveredOrders orders, Returns returns) {
        this.inbox = inbox;
        this.orders = orders;
        this.returns = returns;
    }

    @KafkaListener(topics = Topics.ORDER_EVENTS, groupId = GROUP)
    void onOrder(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        switch (message.type()) {
            case "order.delivered" -> {
                OrderDelivered delivered = message.payloadAs(OrderDelivered.class);
                inbox.once("returns-orders", message, () -> returns.delivered(delivered));
            }
            case "order.confirmed" -> {
                OrderConfirmed confirmed = message.payloadAs(OrderConfirmed.class);
                inbox.once("returns-orders", message, () -> returns.orderConfirmed(confirmed.orderId()));
            }
            case "order.rejected" -> {
                OrderRejected rejected = message.payloadAs(OrderRejected.class);
                inbox.once("returns-orders", message, () -> returns.orderFailed(rejected.orderId(),
                        "rejected: " + rejected.reason()));
            }
            case "order.cancelled" -> {
                OrderCancelled cancelled = message.payloadAs(OrderCancelled.class);
                inbox.once("returns-orders", message, () -> returns.orderFailed(cancelled.orderId(),
                        "cancelled: " + cancelled.reason()));
            }
            default -> {
            }
        }
    }

    @KafkaListener(topics = Topics.PAYMENT_EVENTS, groupId = GROUP)
    void onPayment(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        switch (message.type()) {
            case "payment.refunded" -> {
                PaymentRefunded refunded = message.payloadAs(PaymentRefunded.class);
                if (refunded.refundKey() != null && refunded.refundKey().startsWith(Returns.KEY_PREFIX)) {
                    inbox.once("returns-refunds", message, () -> returns.refundSucceeded(refunded.refundKey(),
                            refunded.amount(), refunded.refundId()));
                }
            }
            case "payment.refund_failed" -> {
                PaymentRefundFailed failed = message.payloadAs(PaymentRefundFailed.class);
                if (failed.refundKey() != null && failed.refundKey().startsWith(Returns.KEY_PREFIX)) {
                    inbox.once("returns-refunds", message, () -> returns.refundFailed(failed.refundKey(),
                            failed.reason()));
                }
            }
            default -> {
            }
        }
    }

    @KafkaListener(topics = Topics.PRODUCT_EVENTS, groupId = GROUP)
    void onProduct(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        switch (message.type()) {
            case "product.created" -> {
                ProductCreated created = message.payloadAs(ProductCreated.class);
                inbox.once("returns-catalog", message, () -> orders.productSkus(created.productId(), created.skus(),
                        created.price(), created.prices(), true, created.active(), message.occurredAt()));
            }
            case "product.updated" -> {
                ProductUpdated updated = message.payloadAs(ProductUpdated.class);
                inbox.once("returns-catalog", message, () -> orders.productSkus(updated.productId(), updated.skus(),
                        updated.price(), updated.prices(), false, updated.active(), message.occurredAt()));
            }
            case "product.deleted" -> {
                ProductDeleted deleted = message.payloadAs(ProductDeleted.class);
                inbox.once("returns-catalog", message, () -> orders.productDeleted(deleted.productId(),
                        deleted.skus(), message.occurredAt()));
            }
            case "product.price_changed" -> {
                ProductPriceChanged changed = message.payloadAs(ProductPriceChanged.class);
                inbox.once("returns-catalog", message, () -> orders.pricesChanged(changed.productId(),
                        changed.changes()));
            }
            default -> {
            }
        }
    }

    @KafkaListener(topics = Topics.USER_EVENTS, groupId = GROUP)
    void onUser(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        if ("user.erased".equals(message.type())) {
            UserErased erased = message.payloadAs(UserErased.class);
            inbox.once("returns-erasure", message, () -> returns.erase(erased.userId().toString()));
        }
    }
}
