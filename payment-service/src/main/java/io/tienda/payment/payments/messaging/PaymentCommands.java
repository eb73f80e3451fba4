package io.tienda.payment.payments.messaging;

import io.tienda.payment.payments.PaymentSteps;
import io.tienda.payment.payments.Refunds;
import io.tienda.payment.payments.Settlement;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.saga.AuthorizePayment;
import io.tienda.platform.events.saga.CapturePayment;
import io.tienda.platform.events.saga.RefundPayment;
import io.tienda.platform.events.saga.VoidPayment;
import io.tienda.platform.inbox.JdbcInbox;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Applies one command from {@code payment.commands}: the provider is called first (outside any
 * transaction, its idempotency key stored before), then its answer, the inbox row, the reply and the
 * events commit in one transaction. A message delivered again (same event id) finds its inbox row and
 * is answered again from the payment as it stands, in a transaction of its own; a command sent again
 * (new event id) finds the payment as the first left it. Either way no money moves twice, and a saga
 * waiting for a reply that it lost still gets one.
 */
@Component
public class PaymentCommands {

    /** The inbox's name for this consumer. */
    public static final String CONSUMER = "payment-commands";

    private final JdbcInbox inbox;
    private final TransactionTemplate transactions;
    private final PaymentSteps steps;
    private final Refunds refunds;

    PaymentCommands(JdbcInbox inbox, TransactionTemplate transactions, PaymentSteps steps, Refunds refunds) {
        this.inbox = inbox;
        this.transactions = transactions;
        this.steps = steps;
        this.refunds = refunds;
    }

    /** Applies the command and answers the reply it published (null when the reply comes later). */
    public Object handle(InboundMessage message) {
        Supplier<Settlement> command = parse(message);
        Settlement settlement = command.get();
        AtomicReference<Object> reply = new AtomicReference<>();
        boolean first = inbox.once(CONSUMER, message, () -> reply.set(settlement.settle()));
        if (!first) {
            reply.set(transactions.execute(status -> settlement.settle()));
        }
        return reply.get();
    }

    /** A command that cannot be read, or of a type this service does not handle, will never succeed. */
    private Supplier<Settlement> parse(InboundMessage message) {
        return switch (message.type()) {
            case "payment.authorize" -> {
                AuthorizePayment authorize = message.payloadAs(AuthorizePayment.class);
                requireOrder(message, authorize.orderId());
                yield () -> steps.authorize(authorize);
            }
            case "payment.capture" -> {
                CapturePayment capture = message.payloadAs(CapturePayment.class);
                requireOrder(message, capture.orderId());
                yield () -> steps.capture(capture);
            }
            case "payment.void" -> {
                VoidPayment voidPayment = message.payloadAs(VoidPayment.class);
                requireOrder(message, voidPayment.orderId());
                yield () -> steps.voidPayment(voidPayment);
            }
            case "payment.refund" -> {
                RefundPayment refund = message.payloadAs(RefundPayment.class);
                requireOrder(message, refund.orderId());
                yield () -> refunds.refundBySaga(refund);
            }
            default -> throw new PoisonMessageException("payment-service does not handle " + message.type()
                    + " (" + Envelope.EVENT_ID + " " + message.eventId() + ")", null);
        };
    }

    private static void requireOrder(InboundMessage message, UUID orderId) {
        if (orderId == null) {
            throw new PoisonMessageException(message.type() + " " + message.eventId() + " names no order", null);
        }
    }
}
