package io.tienda.payment.payments;

import io.tienda.payment.payments.domain.Payment;
import io.tienda.payment.payments.domain.Refund;
import io.tienda.payment.payments.persistence.PaymentRepository;
import io.tienda.payment.payments.persistence.RefundRepository;
import io.tienda.platform.problem.DomainException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading payments: one with its refunds, for the API and the invoices. */
@Service
public class Payments {

    private final PaymentRepository payments;
    private final RefundRepository refunds;

    Payments(PaymentRepository payments, RefundRepository refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    /**
     * A payment with its refunds, oldest first.
     *
     * @param capturedAt          when its money was taken; null until captured
     * @param invoiceNumber       its invoice's number in the year's series, given when it was captured; null until then
     * @param formerInvoiceNumber the number its invoice showed before the series, for payments captured before it
     */
    public record PaymentRecord(Payment payment, List<Refund> refunds, Instant capturedAt, String invoiceNumber,
            String formerInvoiceNumber) {
    }

    /** The payment, or a 404 problem. Who may see it is the caller's to check. */
    public PaymentRecord get(UUID id) {
        Payment payment = payments.find(id).orElseThrow(() -> DomainException.notFound("payment", id));
        Optional<PaymentRepository.Invoicing> invoicing = payments.invoicing(id);
        return new PaymentRecord(payment, refunds.ofPayment(id),
                invoicing.map(PaymentRepository.Invoicing::capturedAt).orElse(null),
                invoicing.map(PaymentRepository.Invoicing::number).orElse(null),
                invoicing.map(PaymentRepository.Invoicing::formerNumber).orElse(null));
    }
}
