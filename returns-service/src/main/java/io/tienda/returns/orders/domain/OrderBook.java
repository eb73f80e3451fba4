package io.tienda.returns.orders.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The delivered orders this service learnt of, and which product each known SKU belongs to. */
public interface OrderBook {

    /** Records a delivered order; false when it was known already (nothing changes then). */
    boolean recordDelivered(DeliveredOrder order);

    Optional<DeliveredOrder> find(UUID orderId);

    /** The order, its row locked until the transaction ends: returns of one order queue behind each other. */
    Optional<DeliveredOrder> lock(UUID orderId);

    /** The SKU as the catalog or an order told of it: the product it is a variant of, its price when known. */
    Optional<CatalogVariant> variant(String sku);

    /** Which product these SKUs are variants of; a price already known stays. */
    void recordProductSkus(String productId, List<String> skus);

    /**
     * Which product these SKUs are variants of and the price the catalog sells them at before offers.
     *
     * @param replace false keeps a price already known and sets only the unknown ones
     */
    void recordPrices(String productId, List<String> skus, long price, String currency, boolean replace);

    /**
     * Whether the catalog sells these SKUs of the product ({@code withdrawn} false) or no longer does, as an event
     * announced at {@code announcedAt} says; a SKU not known yet is recorded as a variant of the product. A SKU
     * whose state was set by an event announced later keeps it.
     */
    void recordWithdrawn(String productId, List<String> skus, boolean withdrawn, Instant announcedAt);

    /**
     * The product's SKUs other than {@code current} are no longer sold, as an event announced at {@code announcedAt}
     * says; those whose state was set by an event announced later keep it.
     */
    void withdrawOthers(String productId, List<String> current, Instant announcedAt);

    /**
     * Deletes the orders delivered before {@code cutoff} that no return names, in batches; answers how
     * many went.
     */
    int forgetWithoutReturns(Instant cutoff);

    /** Takes the customer's id off their delivered orders (GDPR erasure); answers how many changed. */
    int anonymise(String customerId, String replacement);

    /**
     * The id an erasure gave the customer in place of theirs, if they were erased. Holds the customer's erasure
     * lock until the transaction ends, as {@link #recordErased} does: an erasure and the delivery of one of the
     * customer's orders queue behind each other, so the order is either recorded under the replacement id or
     * recorded before the erasure and anonymised by it.
     */
    Optional<String> erasedAs(String customerId);

    /** Remembers the customer's erasure and the id it gave them; the first one stays. Takes the erasure lock. */
    void recordErased(String customerId, String replacement);
}
