package io.tienda.platform.events;

import io.tienda.platform.events.cart.CartCheckoutStarted;
import io.tienda.platform.events.cart.CartItemAdded;
import io.tienda.platform.events.cart.CartItemRemoved;
import io.tienda.platform.events.inventory.LowStock;
import io.tienda.platform.events.inventory.StockChanged;
import io.tienda.platform.events.product.ProductCreated;
import io.tienda.platform.events.product.ProductDeleted;
import io.tienda.platform.events.product.ProductPriceChanged;
import io.tienda.platform.events.product.ProductUpdated;
import io.tienda.platform.events.saga.CapturePayment;
import io.tienda.platform.events.saga.CommitStock;
import io.tienda.platform.events.saga.AuthorizePayment;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderDelivered;
import io.tienda.platform.events.saga.OrderPlaced;
import io.tienda.platform.events.saga.OrderRefundSettled;
import io.tienda.platform.events.saga.OrderRejected;
import io.tienda.platform.events.saga.OrderShipped;
import io.tienda.platform.events.saga.PaymentActionRequired;
import io.tienda.platform.events.saga.PaymentAuthorized;
import io.tienda.platform.events.saga.PaymentCaptureFailed;
import io.tienda.platform.events.saga.PaymentCaptured;
import io.tienda.platform.events.saga.PaymentFailed;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.events.saga.PaymentVoided;
import io.tienda.platform.events.saga.RedeemCoupon;
import io.tienda.platform.events.saga.RefundPayment;
import io.tienda.platform.events.saga.ReleaseCoupon;
import io.tienda.platform.events.saga.ReleaseStock;
import io.tienda.platform.events.saga.ReserveStock;
import io.tienda.platform.events.saga.StockCommitted;
import io.tienda.platform.events.saga.StockRejected;
import io.tienda.platform.events.saga.StockReleased;
import io.tienda.platform.events.saga.StockReserved;
import io.tienda.platform.events.saga.VoidPayment;
import io.tienda.platform.events.user.PasswordResetRequested;
import io.tienda.platform.events.user.UserContactChanged;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.events.returns.ReturnApproved;
import io.tienda.platform.events.returns.ReturnExchanged;
import io.tienda.platform.events.returns.ReturnReceived;
import io.tienda.platform.events.returns.ReturnRefundSettled;
import io.tienda.platform.events.returns.ReturnRefunded;
import io.tienda.platform.events.returns.ReturnRejected;
import io.tienda.platform.events.returns.ReturnRequested;
import io.tienda.platform.events.saga.CreateReplacementOrder;
import io.tienda.platform.events.saga.RestockItems;
import io.tienda.platform.events.user.UserRegistered;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every contract published in platform/events, by type name. New contracts are added here. */
public final class EventCatalog {

    private static final List<Class<? extends Record>> CONTRACTS = List.of(
            ReserveStock.class, ReleaseStock.class, CommitStock.class,
            StockReserved.class, StockRejected.class, StockReleased.class, StockCommitted.class,
            AuthorizePayment.class, CapturePayment.class, VoidPayment.class, RefundPayment.class,
            PaymentAuthorized.class, PaymentFailed.class, PaymentCaptured.class, PaymentRefunded.class,
            PaymentActionRequired.class, PaymentVoided.class, PaymentCaptureFailed.class,
            PaymentRefundFailed.class,
            RedeemCoupon.class, ReleaseCoupon.class,
            OrderPlaced.class, OrderConfirmed.class, OrderRejected.class, OrderCancelled.class,
            OrderShipped.class, OrderDelivered.class, OrderRefundSettled.class,
            UserRegistered.class, PasswordResetRequested.class, UserErased.class, UserContactChanged.class,
            RestockItems.class, CreateReplacementOrder.class,
            ReturnRequested.class, ReturnApproved.class, ReturnRejected.class, ReturnReceived.class,
            ReturnRefunded.class, ReturnRefundSettled.class, ReturnExchanged.class,
            ProductCreated.class, ProductUpdated.class, ProductDeleted.class, ProductPriceChanged.class,
            StockChanged.class, LowStock.class,
            CartItemAdded.class, CartItemRemoved.class, CartCheckoutStarted.class);

    private static final Map<String, Class<? extends Record>> BY_TYPE = CONTRACTS.stream()
            .collect(Collectors.toUnmodifiableMap(Envelope::typeOf, Function.identity()));

    private EventCatalog() {
    }

    public static List<Class<? extends Record>> contracts() {
        return CONTRACTS;
    }

    public static Class<? extends Record> byType(String type) {
        Class<? extends Record> contract = BY_TYPE.get(type);
        if (contract == null) {
            throw new IllegalArgumentException("unknown event type " + type);
        }
        return contract;
    }
}
