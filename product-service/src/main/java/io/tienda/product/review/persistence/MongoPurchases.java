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
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The {@code purchases} collection: one document per user and product, {@code _id {userId, productId}},
 * with the units bought and the last order. The document is created idempotently first; adding the
 * units then goes through {@link MongoIdempotency}, which records the event id in the same write.
 * <p>
 * Erased users are kept in {@code erasedBuyers} ({@code _id} the user id, {@code erasedAt}), one small
 * document each and never removed: {@code user.erased} and {@code order.confirmed} come on different
 * topics, so an order confirmed before the erasure can arrive after it, and its upsert would bring the
 * purchases back. The erasure writes its mark before it deletes; a purchase looks for the mark before
 * and again after it writes, and deletes what it wrote when the mark is there. Either that second look
 * sees the mark, or the purchase was written before the mark and so before the erasure's delete.
 */
@Repository
class MongoPurchases implements Purchases {

    static final String COLLECTION = "purchases";
    static final String ERASED = "erasedBuyers";

    private final MongoTemplate mongo;
    private final MongoIdempotency idempotency;

    MongoPurchases(MongoTemplate mongo, MongoIdempotency idempotency) {
        this.mongo = mongo;
        this.idempotency = idempotency;
    }

    @Override
    public boolean record(String userId, String productId, int units, String orderId, Instant at, UUID eventId) {
        if (erased(userId)) {
            return false;
        }
        Query purchase = Query.query(where("_id").is(id(userId, productId)));
        Update create = new Update().setOnInsert("userId", userId).setOnInsert("productId", productId)
                .setOnInsert("firstPurchasedAt", Date.from(at)).setOnInsert("units", 0);
        try {
            mongo.upsert(purchase, create, COLLECTION);
        } catch (DuplicateKeyException e) {
            // a concurrent upsert of the same purchase won the insert: the document exists, all this step needs
        }
        Update add = new Update().inc("units", units).max("lastPurchasedAt", Date.from(at)).set("lastOrderId", orderId);
        idempotency.applyOnce(COLLECTION, purchase, add, eventId);
        if (erased(userId)) {
            // erased while this was written: the erasure's delete may have run before the upsert
            removePurchases(userId);
            return false;
        }
        return true;
    }

    private boolean erased(String userId) {
        return mongo.exists(Query.query(where("_id").is(userId)), ERASED);
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
    }

    private void removePurchases(String userId) {
        mongo.remove(Query.query(where("userId").is(userId)), COLLECTION);
    }

    private static Document id(String userId, String productId) {
        return new Document("userId", userId).append("productId", productId);
    }
}
