package io.tienda.returns.requests.domain;

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
 * other returns that still stand (not rejected, not cancelled); for an exchange, the same SKU or
 * another variant of the same product. Each line is worth what the customer paid for its units
 * after offers and the coupon, not their catalog price.
 */
public final class ReturnPolicy {

    private final Duration window;

    public ReturnPolicy(Duration window) {
        this.window = window;
    }

    /**
     * The lines of the new return, priced as bought.
     *
     * @param alreadyReturned units per SKU in this order's other standing returns
     * @param productOf       the product a SKU belongs to, as far as this service knows
     */
    public List<ReturnLine> check(ReturnDraft draft, DeliveredOrder order, Map<String, Integer> alreadyReturned,
            Function<String, Optional<String>> productOf, Instant now) {
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
            int already = alreadyReturned.getOrDefault(line.sku(), 0);
            int left = bought.quantity() - already;
            if (line.quantity() < 1 || line.quantity() > left) {
                throw new InvalidReturnException(field + ".quantity", "between 1 and " + Math.max(left, 0)
                        + " (bought " + bought.quantity() + ", " + (bought.quantity() - left)
                        + " already in other returns)");
            }
            // The units after those other returns hold: together, every return of the line gives back
            // exactly what was paid for it.
            long paid = bought.paidFor(already + line.quantity()) - bought.paidFor(already);
            lines.add(new ReturnLine(lines.size() + 1, line.sku(), bought.productId(), bought.name(), line.quantity(),
                    bought.unitPrice(), paid, line.reason(), line.comment(),
                    exchangeSku(draft, line, bought, productOf), null, null));
        }
        return lines;
    }

    private static String exchangeSku(ReturnDraft draft, ReturnDraft.Line line, OrderedLine bought,
            Function<String, Optional<String>> productOf) {
        String field = "lines[" + line.sku() + "].exchangeSku";
        if (draft.resolution() == ReturnResolution.REFUND) {
            if (line.exchangeSku() != null) {
                throw new InvalidReturnException(field, "only an exchange names a SKU to send instead");
            }
            return null;
        }
        String wanted = line.exchangeSku() == null ? line.sku() : line.exchangeSku();
        if (wanted.equals(line.sku())) {
            return wanted;
        }
        Optional<String> product = productOf.apply(wanted);
        if (bought.productId() == null || product.isEmpty() || !product.get().equals(bought.productId())) {
            throw new InvalidReturnException(field, wanted + " is not a variant of the product of " + line.sku());
        }
        return wanted;
    }
}
