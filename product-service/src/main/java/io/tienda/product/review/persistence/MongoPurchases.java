package io.tienda.product.review.persistence;

import io.tienda.platform.inbox.MongoIdempotency;
import io.tienda.product.review.domain.Purchases;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The {@code purchases} collection: one document per user and product, {@code _id {userId, productId}},
 * with the units bought, the last order and, in {@value #ORDERS}, each order that bought it
 * ({@code orderId, units, at}). The document is created idempotently first; adding the units and the
 * order then goes through {@link MongoIdempotency}, which records the event id in the same write.
 * <p>
 * Erased users are kept in {@code erasedBuyers} ({@code _id} the user id, {@code erasedAt}), one small
 * document each and never removed: {@code user.erased} and {@code order.confirmed} come on different
 * topics, so an order confirmed before the erasure can arrive after it, and its upsert would bring the
 * purchases back. The erasure writes its mark before it deletes; a purchase looks for the mark before
 * and again after it writes, and deletes what it wrote when the mark is there. Either that second look
 * sees the mark, or the purchase was written before the mark and so before the erasure's delete.
 * <p>
 * Cancelled orders are kept the same way in {@value #CANCELLED}, one document per customer
 * ({@code _id} the user id, {@code orderIds} their last {@value #CANCELLATIONS_KEPT} cancelled orders,
 * {@code lastCancelledAt}): the relay may send an order's cancellation before its confirmation, and a
 * confirmation can be delivered again after the cancellation took the order off. A cancellation marks the
 * order, then takes its entries off the customer's purchases and deletes a purchase no other order bought;
 * a confirmation looks for the mark before and after it writes, and takes its order off again when the mark
 * is there.
 */
@Repository
class MongoPurchases implements Purchases {

    static final String COLLECTION = "purchases";
    static final String ERASED = "erasedBuyers";
    static final String CANCELLED = "cancelledOrders";
    static final String ORDERS = "orders";
    /**
     * Cancelled orders kept per customer, so the document stays bounded however many orders a customer
     * cancels. A mark only has to outlive its order's confirmation arriving late or again, which comes
     * within minutes (an outbox resubmit, a redelivery), not after a hundred later cancellations.
     */
    static final int CANCELLATIONS_KEPT = 100;

    private final MongoTemplate mongo;
    private final MongoIdempotency idempotency;

    MongoPurchases(MongoTemplate mongo, MongoIdempotency idempotency) {
        this.mongo = mongo;
        this.idempotency = idempotency;
    }

    @Override
    public boolean record(String userId, String productId, int units, String orderId, Instant at, UUID eventId) {
        if (erased(userId) || cancelled(userId, orderId)) {
            return false;
        }
        Query purchase = Query.query(where("_id").is(id(userId, productId)));
        Update create = new Update().setOnInsert("userId", userId).setOnInsert("productId", productId)
                .setOnInsert("firstPurchasedAt", Date.from(at)).setOnInsert("units", 0);
        Document order = new Document("orderId", orderId).append("units", units).append("at", Date.from(at));
        boolean written;
        do {
            upsert(purchase, create, COLLECTION);
            Update add = new Update().inc("units", units).max("lastPurchasedAt", Date.from(at))
                    .set("lastOrderId", orderId).push(ORDERS, order);
            // not applied and gone: a cancellation took the last order off and deleted the purchase in between
            written = idempotency.applyOnce(COLLECTION, purchase, add, eventId) || mongo.exists(purchase, COLLECTION);
        } while (!written);
        if (erased(userId)) {
            // erased while this was written: the erasure's delete may have run before the upsert
            removePurchases(userId);
            return false;
        }
        if (cancelled(userId, orderId)) {
            // cancelled while this was written: the cancellation may have looked for the order before it was here
            withdraw(userId, orderId);
            return false;
        }
        return true;
    }

    private boolean erased(String userId) {
        return mongo.exists(Query.query(where("_id").is(userId)), ERASED);
    }

    private boolean cancelled(String userId, String orderId) {
        return mongo.exists(Query.query(where("_id").is(userId).and("orderIds").is(orderId)), CANCELLED);
    }

    @Override
    public Set<String> cancel(String userId, String orderId, Instant at) {
        // the mark first: a confirmation written from now on takes its order off again itself
        upsert(Query.query(where("_id").is(userId)), new Update().setOnInsert("orderIds", List.of()), CANCELLED);
        Update mark = new Update().set("lastCancelledAt", Date.from(at));
        mark.push("orderIds").slice(-CANCELLATIONS_KEPT).each(orderId);
        mongo.updateFirst(Query.query(where("_id").is(userId).and("orderIds").ne(orderId)), mark, CANCELLED);
        return withdraw(userId, orderId);
    }

    /** Takes the order off each of the user's purchases it is in; the products it was taken off. */
    private Set<String> withdraw(String userId, String orderId) {
        Set<String> products = new LinkedHashSet<>();
        Query inOrder = Query.query(where("userId").is(userId).and(ORDERS + ".orderId").is(orderId));
        for (Document purchase : mongo.find(inOrder, Document.class, COLLECTION)) {
            String productId = purchase.getString("productId");
            takeOff(purchase, id(userId, productId), orderId);
            products.add(productId);
        }
        return products;
    }

    /**
     * Takes the order's units and entry off one purchase, in a write conditional on the purchase as read (an
     * order recorded meanwhile changes its units or its number of orders, and it is read again), then deletes
     * the purchase when nothing else bought it. The last purchase is then the latest order left.
     */
    private void takeOff(Document purchase, Document id, String orderId) {
        Document current = purchase;
        while (current != null) {
            List<Document> orders = current.getList(ORDERS, Document.class, List.of());
            List<Document> left = orders.stream().filter(order -> !orderId.equals(order.getString("orderId"))).toList();
            if (left.size() == orders.size()) {
                break;
            }
            int taken = orders.stream().filter(order -> orderId.equals(order.getString("orderId")))
                    .mapToInt(order -> ((Number) order.get("units")).intValue()).sum();
            Update update = new Update().pull(ORDERS, new Document("orderId", orderId)).inc("units", -taken);
            left.stream().max(Comparator.comparing((Document order) -> order.getDate("at"))).ifPresent(last ->
                    update.set("lastPurchasedAt", last.getDate("at")).set("lastOrderId", last.getString("orderId")));
            Query unchanged = Query.query(where("_id").is(id).and("units").is(current.get("units"))
                    .and(ORDERS).size(orders.size()));
            if (mongo.updateFirst(unchanged, update, COLLECTION).getModifiedCount() == 1) {
                break;
            }
            current = mongo.findOne(Query.query(where("_id").is(id)), Document.class, COLLECTION);
        }
        // units left without orders were bought before orders were kept per purchase, and still count
        mongo.remove(Query.query(where("_id").is(id).and(ORDERS).size(0).and("units").lte(0)), COLLECTION);
    }

    private void upsert(Query query, Update create, String collection) {
        try {
            mongo.upsert(query, create, collection);
        } catch (DuplicateKeyException e) {
            // a concurrent upsert of the same document won the insert: the document exists, all this step needs
        }
    }

    @Override
    public boolean bought(String userId, String productId) {
        return mongo.exists(Query.query(where("_id").is(id(userId, productId))), COLLECTION);
    }

    @Override
    public List<String> boughtAlongside(String productId, int minBuyers, int buyersScanned, int max) {
        Query recentBuyers = Query.query(where("productId").is(productId))
                .with(Sort.by(Sort.Direction.DESC, "lastPurchasedAt")).limit(buyersScanned);
        recentBuyers.fields().include("userId");
        List<String> buyers = mongo.find(recentBuyers, Document.class, COLLECTION).stream()
                .map(purchase -> purchase.getString("userId")).toList();
        if (buyers.isEmpty()) {
            return List.of();
        }
        // one document per customer and product, so counting documents counts distinct buyers
        Aggregation together = Aggregation.newAggregation(
                Aggregation.match(where("userId").in(buyers).and("productId").ne(productId)),
                Aggregation.group("productId").count().as("buyers"),
                Aggregation.match(where("buyers").gte(minBuyers)),
                Aggregation.sort(Sort.by(Sort.Direction.DESC, "buyers").and(Sort.by(Sort.Direction.ASC, "_id"))),
                Aggregation.limit(max));
        return mongo.aggregate(together, COLLECTION, Document.class).getMappedResults().stream()
                .map(product -> product.getString("_id")).toList();
    }

    @Override
    public void forget(String userId, Instant at) {
        // the mark first: a purchase written from now on is undone by its writer
        mongo.upsert(Query.query(where("_id").is(userId)), new Update().setOnInsert("erasedAt", Date.from(at)),
                ERASED);
        removePurchases(userId);
        // nothing of theirs is recorded any more, so their cancelled orders need not be known either
        mongo.remove(Query.query(where("_id").is(userId)), CANCELLED);
    }

    private void removePurchases(String userId) {
        mongo.remove(Query.query(where("userId").is(userId)), COLLECTION);
    }

    private static Document id(String userId, String productId) {
        return new Document("userId", userId).append("productId", productId);
    }
}
