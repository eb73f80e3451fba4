package io.tienda.order.saga;

import io.tienda.order.orders.domain.CustomerTextCopies;
import io.tienda.order.saga.persistence.SagaRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.UUID;

/**
 * The checkout keeps the reason of the cancellation it undid, which staff read with the checkout. A customer's
 * own words are no longer given to it ({@code CheckoutSagas#cancel}: it keeps "cancelled by customer"), but
 * checkouts cancelled before that kept them: such a reason goes with the account as the order's history
 * row does.
 */
@Component
class CheckoutTextCopies implements CustomerTextCopies {

    private final SagaRepository sagas;

    CheckoutTextCopies(SagaRepository sagas) {
        this.sagas = sagas;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(Collection<UUID> orderIds) {
        sagas.lockAll(orderIds);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void replace(UUID orderId, String text, String replacement) {
        sagas.replaceReason(orderId, text, replacement);
    }
}
