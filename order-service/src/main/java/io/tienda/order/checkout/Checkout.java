package io.tienda.order.checkout;

import io.tienda.order.checkout.domain.AddressBook;
import io.tienda.order.checkout.domain.CartSnapshot;
import io.tienda.order.checkout.domain.Carts;
import io.tienda.order.checkout.domain.CheckoutProblems;
import io.tienda.order.checkout.domain.CheckoutRequest;
import io.tienda.order.orders.OrderFacts;
import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.domain.OrderLine;
import io.tienda.order.orders.domain.OrderStatus;
import io.tienda.order.orders.domain.OrderTotals;
import io.tienda.order.orders.domain.Orders;
import io.tienda.order.orders.domain.ShippingAddress;
import io.tienda.order.saga.CheckoutSagas;
import io.tienda.platform.core.IdempotencyKeys;
import io.tienda.platform.events.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Places an order: snapshots the priced cart, creates the order PENDING with its number, and starts
 * its checkout saga — the order, its history, the saga's state, {@code order.placed} and the
 * reservation command in one transaction. The calls to cart-service and user-service happen before
 * it, so a transaction never waits on the network.
 *
 * <p>The client's Idempotency-Key makes the request safe to retry: the same key answers the order it
 * placed; the same key with another request is refused. The key also derives the payment's
 * idempotency key, and the reservation is idempotent by the order's id. A client that makes a new key
 * per click is held back by the cart instead: while an order placed from the same cart with the same
 * goods is still PENDING, another checkout of it is refused (409 checkout-in-progress naming that
 * order), and the cart contents an order was placed from (cart-service's contents id) are never ordered
 * again unless that order was rejected or cancelled (409 cart-already-ordered), which covers the moment
 * between the order's confirmation and cart-service emptying the cart. Both are checked before the
 * transaction and held by unique indexes for requests that arrive together.
 */
@Service
public class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);

    private final Orders orders;
    private final Carts carts;
    private final AddressBook addressBook;
    private final CheckoutSagas sagas;
    private final OrderFacts facts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Checkout(Orders orders, Carts carts, AddressBook addressBook, CheckoutSagas sagas, OrderFacts facts,
            TransactionTemplate transactions, Clock clock) {
        this.orders = orders;
        this.carts = carts;
        this.addressBook = addressBook;
        this.sagas = sagas;
        this.facts = facts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The order, and whether it was placed by an earlier request with the same key. */
    public record Placement(Order order, boolean replayed) {
    }

    public Placement place(String customerId, String bearerToken, String idempotencyKey, CheckoutRequest request) {
        String fingerprint = request.fingerprint();
        Optional<Order> earlier = orders.findByIdempotencyKey(customerId, idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint);
        }
        ShippingAddress address = request.address() != null ? request.address()
                : addressBook.find(bearerToken, request.addressId()).orElseThrow(CheckoutProblems::unknownAddress);
        CartSnapshot cart = carts.checkout(bearerToken);
        requireOrderable(cart, address);
        Order order = Order.place(UUID.randomUUID(), customerId, totals(cart), lines(cart), address,
                request.paymentMethod(), cart.cartId(), cart.couponCode(), idempotencyKey, fingerprint,
                clock.instant());
        Optional<Order> holding = holdingTheCart(order, cart.contentsId());
        if (holding.isPresent()) {
            return placedMeanwhile(customerId, idempotencyKey, fingerprint, holding::get);
        }
        String paymentKey = CheckoutRequest.paymentKey(customerId, idempotencyKey);
        try {
            Order placed = transactions.execute(status -> {
                Order stored = orders.insert(order, cart.contentsId());
                facts.placed(stored);
                sagas.start(stored, paymentKey, Money.of(cart.couponBase(), cart.currency()));
                return stored;
            });
            log.info("order {} ({}) placed by {}: {} {}", placed.number(), placed.id(), customerId,
                    placed.totals().total(), placed.totals().currency());
            return new Placement(placed, false);
        } catch (DuplicateKeyException e) {
            return placedMeanwhile(customerId, idempotencyKey, fingerprint,
                    () -> holdingTheCart(order, cart.contentsId()).orElseThrow(() -> e));
        }
    }

    /** The order already placed from these cart contents, or else one still pending with the same goods. */
    private Optional<Order> holdingTheCart(Order order, UUID contentsId) {
        return orders.findPlacedFromCartContents(order.customerId(), order.cartId(), contentsId)
                .or(() -> orders.findPendingFromSameCart(order));
    }

    /**
     * The cart is already being checked out, or was ordered as it is (its order was found, or got in the way
     * of the insert). A copy of this request sent at the same moment may have placed it after this one looked
     * for its key: that order is answered as a replay. Otherwise the order {@code holdingTheCart} answers,
     * with 409: checkout-in-progress while it is pending, cart-already-ordered once it went through.
     */
    private Placement placedMeanwhile(String customerId, String idempotencyKey, String fingerprint,
            Supplier<Order> holdingTheCart) {
        Optional<Order> sameKey = orders.findByIdempotencyKey(customerId, idempotencyKey);
        if (sameKey.isPresent()) {
            return replay(sameKey.get(), fingerprint);
        }
        Order holding = holdingTheCart.get();
        throw holding.status() == OrderStatus.PENDING ? CheckoutProblems.checkoutInProgress(holding)
                : CheckoutProblems.cartAlreadyOrdered(holding);
    }

    private static Placement replay(Order order, String fingerprint) {
        if (!fingerprint.equals(order.requestHash())) {
            throw IdempotencyKeys.reused();
        }
        return new Placement(order, true);
    }

    private static void requireOrderable(CartSnapshot cart, ShippingAddress address) {
        if (cart.lines().isEmpty()) {
            throw CheckoutProblems.cartEmpty();
        }
        if (cart.lines().stream().anyMatch(CartSnapshot.Line::stale)) {
            throw CheckoutProblems.cartStale();
        }
        List<String> unavailable = cart.lines().stream().filter(line -> !line.available())
                .map(CartSnapshot.Line::sku).toList();
        if (!unavailable.isEmpty()) {
            throw CheckoutProblems.linesNotAvailable(unavailable);
        }
        if (cart.country() != null && !cart.country().equals(address.country())) {
            throw CheckoutProblems.countryMismatch(cart.country(), address.country());
        }
    }

    private static OrderTotals totals(CartSnapshot cart) {
        try {
            return new OrderTotals(cart.currency(), cart.subtotal(), cart.discount(), cart.shipping(), cart.tax(),
                    cart.taxIncluded(), cart.total());
        } catch (IllegalArgumentException e) {
            throw CheckoutProblems.cartUnreadable("its totals do not add up");
        }
    }

    private static List<OrderLine> lines(CartSnapshot cart) {
        List<OrderLine> lines = new ArrayList<>();
        for (CartSnapshot.Line line : cart.lines()) {
            try {
                lines.add(new OrderLine(lines.size() + 1, line.sku(), line.productId(), line.name(), line.quantity(),
                        line.unitPrice(), line.discount(), line.lineTotal()));
            } catch (IllegalArgumentException e) {
                throw CheckoutProblems.cartUnreadable("line " + line.sku() + " does not add up");
            }
        }
        long sum = lines.stream().mapToLong(OrderLine::lineTotal).sum();
        if (sum != cart.subtotal() - cart.discount()) {
            throw CheckoutProblems.cartUnreadable("its lines do not add up to its totals");
        }
        return lines;
    }
}
