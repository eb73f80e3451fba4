package io.tienda.payment.payments;

import io.tienda.payment.payments.domain.PaymentGateway;
import io.tienda.payment.payments.domain.ProviderUnavailableException;
import io.tienda.payment.payments.persistence.ProviderCallRepository;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every call to the provider goes through here: its idempotency key is committed to
 * {@code provider_calls} first, in a transaction of its own, so that whatever happens to the call
 * (a timeout, a crash) its retry sends the same key and the provider answers the first result.
 * No database transaction stays open while the provider is called.
 */
@Component
class ProviderCalls {

    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);

    private final PaymentGateway gateway;
    private final ProviderCallRepository calls;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final MeterRegistry meters;

    ProviderCalls(PaymentGateway gateway, ProviderCallRepository calls, PlatformTransactionManager transactions,
            Clock clock, MeterRegistry meters) {
        this.gateway = gateway;
        this.calls = calls;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.meters = meters;
    }

    PaymentGateway gateway() {
        return gateway;
    }

    /** The key of one operation on one payment: the same for every retry of it. */
    static String key(UUID paymentId, String operation) {
        return "tienda_" + paymentId + "_" + operation.toLowerCase(Locale.ROOT);
    }

    /**
     * Stores the key, then calls. Throws {@link ProviderUnavailableException} when the outcome is
     * unknown; the key stays, for the retry.
     */
    <T> T call(UUID paymentId, String operation, String key, Long amount, Function<PaymentGateway, T> call) {
        ownTransaction.executeWithoutResult(status -> calls.aboutToCall(key, paymentId, operation,
                gateway.provider().name(), amount, clock.instant()));
        try {
            T answer = call.apply(gateway);
            String outcome = answer == null ? "none" : answer.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            ownTransaction.executeWithoutResult(status -> calls.answered(key, outcome));
            meters.counter("payment.provider.calls", "operation", operation, "outcome", outcome).increment();
            return answer;
        } catch (ProviderUnavailableException e) {
            log.warn("{} of payment {} got no answer from the provider: {}", operation, paymentId, e.getMessage());
            ownTransaction.executeWithoutResult(status -> calls.answered(key, "unavailable"));
            meters.counter("payment.provider.calls", "operation", operation, "outcome", "unavailable").increment();
            throw e;
        }
    }
}
