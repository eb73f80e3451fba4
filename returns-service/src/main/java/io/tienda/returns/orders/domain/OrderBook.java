package io.tienda.returns.orders.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The delivered orders this service learnt of, and which product each known SKU belongs to. */
public interface OrderBook {

    /** Records a delivered order; false when it was known already (nothing changes then). */
    boolean recordDelivered(DeliveredOrder order);

    Optional<DeliveredOrder> find(UUID orderId);

    /** The order, its row locked until the transaction ends: returns of one order queue behind each other. */
    Optional<DeliveredOrder> lock(UUID orderId);

    /** The product a SKU is a variant of, as the catalog or an order said. */
    Optional<String> productOf(String sku);

    void recordProductSkus(String productId, java.util.List<String> skus);

    /**
     * Deletes the orders delivered before {@code cutoff} that no return names, in batches; answers how
     * many went.
     */
    int forgetWithoutReturns(Instant cutoff);

    /** Takes the customer's id off their delivered orders (GDPR erasure); answers how many changed. */
    int anonymise(String customerId, String replacement);
}
