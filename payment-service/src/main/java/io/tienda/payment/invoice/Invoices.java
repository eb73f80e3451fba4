package io.tienda.payment.invoice;

import io.tienda.payment.PaymentProblems;
import io.tienda.payment.invoice.domain.Invoice;
import io.tienda.payment.payments.Payments;
import io.tienda.payment.payments.domain.Payment;
import io.tienda.payment.payments.domain.RefundStatus;
import org.springframework.stereotype.Service;

import java.util.UUID;

/** Invoices of captured payments, built from the payment and its settled refunds. */
@Service
public class Invoices {

    private final Payments payments;

    Invoices(Payments payments) {
        this.payments = payments;
    }

    /** The payment's record, for the caller to check who may see it before {@link #of}. */
    public Payments.PaymentRecord payment(UUID paymentId) {
        return payments.get(paymentId);
    }

    /** The invoice of a captured payment; a payment that took no money has none (409). */
    public Invoice of(Payments.PaymentRecord found) {
        Payment payment = found.payment();
        if (!payment.status().isCaptured() || found.capturedAt() == null || found.invoiceNumber() == null) {
            throw PaymentProblems.notCaptured(payment.id(), payment.status());
        }
        return new Invoice(found.invoiceNumber(), found.formerInvoiceNumber(), payment.id(), payment.orderId(),
                payment.customerId(), found.capturedAt(), payment.currency(), payment.capturedAmount(),
                found.refunds().stream()
                        .filter(r -> r.status() == RefundStatus.SUCCEEDED)
                        .map(r -> new Invoice.Line(r.updatedAt(), r.reason() == null ? "Refund" : "Refund: " + r.reason(),
                                r.amount()))
                        .toList(),
                payment.providerPaymentId());
    }
}
