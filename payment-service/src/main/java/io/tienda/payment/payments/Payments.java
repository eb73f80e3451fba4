package io.tienda.payment.payments;

import io.tienda.payment.payments.domain.Payment;
import io.tienda.payment.payments.domain.Refund;
import io.tienda.payment.payments.persistence.PaymentRepository;
import io.tienda.payment.payments.persistence.RefundRepository;
import io.tienda.platform.problem.DomainException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
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
     * @param capturedAt when its money was taken; null until captured
     */
    public record PaymentRecord(Payment payment, List<Refund> refunds, Instant capturedAt) {
    }

    /** The payment, or a 404 problem. Who may see it is the caller's to check. */
    public PaymentRecord get(UUID id) {
        Payment payment = payments.find(id).orElseThrow(() -> DomainException.notFound("payment", id));
        return new PaymentRecord(payment, refunds.ofPayment(id), payments.capturedAt(id).orElse(null));
    }
}
