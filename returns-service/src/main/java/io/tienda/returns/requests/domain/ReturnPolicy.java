package io.tienda.returns.requests.domain;

import io.tienda.returns.orders.domain.CatalogVariant;
import io.tienda.returns.orders.domain.DeliveredOrder;
import io.tienda.returns.orders.domain.OrderedLine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a customer may send back of a delivered order: within the window after delivery, SKUs the
 * order has, each once, at least one unit and no more than were bought minus those already in
 * other returns that still stand (not rejected, not cancelled); for an exchange, a SKU the catalog
 * still sells (its product neither deleted nor deactivated, the variant not removed): the same one,
 * or another variant of the same product sold for no more than the one bought. Each
 * line is worth what the customer paid for its units after offers and the coupon, not their catalog
 * price.
 */
public final class ReturnPolicy {

    private final Duration window;

    public ReturnPolicy(Duration window) {
        this.window = window;
    }

    /**
     * The lines of the new return, priced as bought.
     *
     * @param held    per SKU, what this order's other standing returns hold
     * @param catalog a SKU as far as this service knows it: its product and price
     */
    public List<ReturnLine> check(ReturnDraft draft, DeliveredOrder order, Map<String, HeldUnits> held,
            Function<String, Optional<CatalogVariant>> catalog, Instant now) {
        if (!order.returnableAt(now, window)) {
            throw new ReturnWindowClosedException(order.orderId(), order.deliveredAt().plus(window));
        }
        if (draft.lines().isEmpty()) {
            throw new InvalidReturnException("lines", "at least one line");
        }
        Set<String> seen = new HashSet<>();
        List<ReturnLine> lines = new ArrayList<>();
        for (ReturnDraft.Line line : draft.lines()) {
            String field = "lines[" + line.sku() + "]";
            if (!seen.add(line.sku())) {
                throw new InvalidReturnException(field, "the same SKU appears twice");
            }
            OrderedLine bought = order.line(line.sku())
                    .orElseThrow(() -> new InvalidReturnException(field + ".sku", "not in order " + order.orderNumber()));
            HeldUnits others = held.getOrDefault(line.sku(), HeldUnits.NONE);
            int left = bought.quantity() - others.units();
            if (line.quantity() < 1 || line.quantity() > left) {
                throw new InvalidReturnException(field + ".quantity", "between 1 and " + Math.max(left, 0)
                        + " (bought " + bought.quantity() + ", " + (bought.quantity() - left)
                        + " already in other returns)");
            }
            lines.add(new ReturnLine(lines.size() + 1, line.sku(), bought.productId(), bought.name(), line.quantity(),
                    bought.unitPrice(), paid(bought, others, line.quantity()), line.reason(), line.comment(),
                    exchangeSku(draft, line, bought, order.currency(), catalog), null, null));
        }
        return lines;
    }

    /**
     * What {@code units} more of the line are worth after those the other standing returns hold: the share
     * after theirs ({@link OrderedLine#paidFor}), but never more than those returns left of the line's
     * total, and all of that for the line's last units. The other returns were priced when they were
     * created, and one withdrawn or rejected since gives its units back while the others keep their
     * shares, so the shares no longer line up: of 3 units for 40.01, a return of one is priced 13.33 and a
     * second of one 13.34; with the first withdrawn, the share after one unit would make the last two
     * 40.01 - 13.33 = 26.68, and 13.34 + 26.68 is 40.02. Here they are 26.67. Together the returns of a
     * line never give back more than it cost (payment-service would refuse that refund for ever), and
     * exactly that once every unit is in one.
     */
    private static long paid(OrderedLine bought, HeldUnits others, int units) {
        long unclaimed = Math.max(0, bought.paid() - others.paid());
        if (others.units() + units == bought.quantity()) {
            return unclaimed;
        }
        return Math.min(bought.paidFor(others.units() + units) - bought.paidFor(others.units()), unclaimed);
    }

    private static String exchangeSku(ReturnDraft draft, ReturnDraft.Line line, OrderedLine bought,
            String orderCurrency, Function<String, Optional<CatalogVariant>> catalog) {
        String field = "lines[" + line.sku() + "].exchangeSku";
        if (draft.resolution() == ReturnResolution.REFUND) {
            if (line.exchangeSku() != null) {
                throw new InvalidReturnException(field, "only an exchange names a SKU to send instead");
            }
            return null;
        }
        String wanted = line.exchangeSku() == null ? line.sku() : line.exchangeSku();
        if (wanted.equals(line.sku())) {
            // One this service never heard of from the catalog is taken to be sold, as before it was told.
            if (catalog.apply(wanted).filter(CatalogVariant::withdrawn).isPresent()) {
                throw withdrawn(field, wanted);
            }
            return wanted;
        }
        CatalogVariant variant = catalog.apply(wanted)
                .filter(v -> bought.productId() != null && bought.productId().equals(v.productId()))
                .orElseThrow(() -> new InvalidReturnException(field,
                        wanted + " is not a variant of the product of " + line.sku()));
        if (variant.withdrawn()) {
            throw withdrawn(field, wanted);
        }
        // The replacement ships free, so a dearer variant would give the difference away. A price not known
        // here (a SKU learnt from an order's lines only, or before prices were kept) or in another currency
        // cannot be shown to be no dearer, and is refused the same way: the customer may still exchange for
        // the same SKU, or have a refund and buy the other variant.
        if (variant.price() == null || !variant.currency().equals(orderCurrency)) {
            throw new InvalidReturnException(field, "the price of " + wanted + " is not known in "
                    + (orderCurrency == null ? "the order's currency" : orderCurrency)
                    + ", so it cannot be shown to cost no more than " + line.sku());
        }
        if (variant.price() > bought.unitPrice()) {
            throw new InvalidReturnException(field, wanted + " sells at " + variant.price() + " " + orderCurrency
                    + ", more than the " + bought.unitPrice() + " " + orderCurrency + " " + line.sku()
                    + " was bought at: ask for a refund instead");
        }
        return wanted;
    }

    /**
     * The catalog withdrew the SKU (deleted or deactivated its product, or removed the variant): a replacement of
     * it would ship goods no longer sold, or fail for want of stock and leave the return for staff to refund.
     */
    private static InvalidReturnException withdrawn(String field, String sku) {
        return new InvalidReturnException(field, sku + " is no longer sold, so it cannot be sent as a replacement: "
                + "ask for another variant or a refund instead");
    }
}
