package io.tienda.returns.orders;

import io.tienda.platform.events.Money;
import io.tienda.platform.events.product.PriceChange;
import io.tienda.platform.events.product.SkuPrice;
import io.tienda.platform.events.saga.OrderDelivered;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.returns.orders.domain.CatalogVariant;
import io.tienda.returns.orders.domain.DeliveredOrder;
import io.tienda.returns.orders.domain.OrderBook;
import io.tienda.returns.orders.domain.OrderedLine;
import io.tienda.returns.orders.domain.ReplacedUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What this service knows of orders, learnt from order-service's and product-service's events. */
@Service
public class DeliveredOrders {

    private static final Logger log = LoggerFactory.getLogger(DeliveredOrders.class);

    private final OrderBook book;

    DeliveredOrders(OrderBook book) {
        this.book = book;
    }

    /** An {@code order.delivered}: from now on its customer may return its lines. Applied once per order. */
    @Transactional
    public void delivered(OrderDelivered event) {
        delivered(event, null, List.of());
    }

    /**
     * An {@code order.delivered}: from now on its customer may return its lines, within the return window from
     * this delivery. Applied once per order. A customer erased before it (order-service still delivers an order
     * under way) is recorded under the id their erasure gave their other records, never their own.
     *
     * @param originalOrderId for an exchange's replacement, the order whose payment paid for its units (or,
     *                        should that order be a replacement itself, the one that paid for it); null otherwise
     * @param replaced        for an exchange's replacement, what its units are worth per SKU: order-service ships
     *                        it at price 0, but a return of them gives back what was paid for the units they
     *                        replace. Empty otherwise
     */
    @Transactional
    public void delivered(OrderDelivered event, UUID originalOrderId, List<ReplacedUnits> replaced) {
        List<OrderLine> lines = event.lines() == null ? List.of() : event.lines();
        String currency = lines.stream().map(OrderLine::unitPrice).filter(java.util.Objects::nonNull)
                .map(Money::currency).findFirst().orElse(null);
        // An order may list a SKU twice (say, two discounts); a return counts units per SKU.
        Map<String, OrderedLine> bySku = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            long price = line.unitPrice() == null ? 0 : line.unitPrice().amount();
            // Events published before lines carried what was paid: the catalog price is all there is.
            long paid = line.lineTotal() != null ? line.lineTotal().amount()
                    : Math.multiplyExact(price, (long) line.quantity());
            bySku.merge(line.sku(), new OrderedLine(line.sku(), line.productId(), line.name(), line.quantity(), price,
                            paid),
                    (a, b) -> new OrderedLine(a.sku(), a.productId(), a.name(), a.quantity() + b.quantity(),
                            Math.max(a.unitPrice(), b.unitPrice()), Math.addExact(a.paid(), b.paid())));
        }
        for (ReplacedUnits worth : replaced) {
            bySku.computeIfPresent(worth.sku(), (sku, line) -> new OrderedLine(sku, line.productId(), line.name(),
                    line.quantity(), worth.unitPrice(), worth.paid()));
        }
        UUID paidBy = originalOrderId == null ? null
                : book.find(originalOrderId).map(DeliveredOrder::paidOrderId).orElse(originalOrderId);
        String customerId = event.customerId() == null ? null
                : book.erasedAs(event.customerId()).orElse(event.customerId());
        DeliveredOrder order = new DeliveredOrder(event.orderId(), event.orderNumber(), customerId, currency,
                event.deliveredAt(), new ArrayList<>(bySku.values()), paidBy);
        if (book.recordDelivered(order)) {
            log.info("order {} ({}) delivered: returnable{}{}", event.orderNumber(), event.orderId(),
                    paidBy == null ? "" : "; a replacement paid for by order " + paidBy,
                    customerId.equals(event.customerId()) ? "" : "; its customer was erased");
        }
    }

    /**
     * The variants of a product, from {@code product.created} ({@code created}) or {@code product.updated}, as
     * product-service announced them at {@code announcedAt}.
     *
     * <p>Their {@code prices} say what each variant sells at, and set it. Events announced before they carried
     * them give only the product's price, which is what a variant sells at unless it is priced apart: a
     * creation sets it for every variant, an update only for those whose price is not known yet, since every
     * change of a variant's price comes as {@code product.price_changed} naming it ({@link #pricesChanged})
     * and an update must not undo one.
     *
     * <p>The event lists every current variant and says whether the product is on sale: its variants are sold
     * while it is {@code active} and withdrawn while it is not, and a variant of the product it no longer lists
     * was removed. An exchange may not ask for a withdrawn SKU. Whether a SKU is sold follows the event announced
     * last, whatever order they arrive in, so one delivered late cannot sell a withdrawn SKU again.
     */
    @Transactional
    public void productSkus(String productId, List<String> skus, Money price, List<SkuPrice> prices,
            boolean created, boolean active, Instant announcedAt) {
        if (productId == null || skus == null) {
            return;
        }
        book.withdrawOthers(productId, skus, announcedAt);
        if (skus.isEmpty()) {
            return;
        }
        List<String> unpriced = new ArrayList<>(skus);
        if (prices != null) {
            for (SkuPrice each : prices) {
                if (each.sku() != null && each.price() != null && unpriced.remove(each.sku())) {
                    book.recordPrices(productId, List.of(each.sku()), each.price().amount(),
                            each.price().currency(), true);
                }
            }
        }
        if (!unpriced.isEmpty()) {
            if (price == null) {
                book.recordProductSkus(productId, unpriced);
            } else {
                book.recordPrices(productId, unpriced, price.amount(), price.currency(), created);
            }
        }
        book.recordWithdrawn(productId, skus, !active, announcedAt);
    }

    /**
     * A {@code product.deleted} announced at {@code announcedAt}: none of the product's SKUs is sold any more,
     * unless an event announced after it says otherwise (a SKU given to another product).
     */
    @Transactional
    public void productDeleted(String productId, List<String> skus, Instant announcedAt) {
        if (productId == null) {
            return;
        }
        book.recordWithdrawn(productId, skus == null ? List.of() : skus, true, announcedAt);
        book.withdrawOthers(productId, List.of(), announcedAt);
    }

    /** A {@code product.price_changed}: what each SKU it names sells at now. */
    @Transactional
    public void pricesChanged(String productId, List<PriceChange> changes) {
        if (productId == null || changes == null) {
            return;
        }
        for (PriceChange change : changes) {
            if (change.sku() != null && change.current() != null) {
                book.recordPrices(productId, List.of(change.sku()), change.current().amount(),
                        change.current().currency(), true);
            }
        }
    }

    public Optional<DeliveredOrder> find(UUID orderId) {
        return book.find(orderId);
    }

    /** The order with its row locked; call inside the transaction that creates a return. */
    public Optional<DeliveredOrder> lock(UUID orderId) {
        return book.lock(orderId);
    }

    public Optional<CatalogVariant> variant(String sku) {
        return book.variant(sku);
    }

    /** Whether the catalog no longer sells the SKU; one this service never heard of is taken to be sold. */
    public boolean withdrawn(String sku) {
        return book.variant(sku).map(CatalogVariant::withdrawn).orElse(false);
    }

    /** The id an erasure gave the customer, if they were erased; runs in the caller's transaction. */
    public Optional<String> erasedAs(String customerId) {
        return book.erasedAs(customerId);
    }

    /**
     * Takes the customer's id off their delivered orders, and remembers the id it gave them, so that an order
     * delivered after the erasure is recorded under it too ({@link #delivered}). Runs in the caller's transaction.
     */
    public int anonymise(String customerId, String replacement) {
        book.recordErased(customerId, replacement);
        return book.anonymise(customerId, replacement);
    }
}
