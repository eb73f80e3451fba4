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
 */
@Repository
class MongoPurchases implements Purchases {

    static final String COLLECTION = "purchases";

    private final MongoTemplate mongo;
    private final MongoIdempotency idempotency;

    MongoPurchases(MongoTemplate mongo, MongoIdempotency idempotency) {
        this.mongo = mongo;
        this.idempotency = idempotency;
    }

    @Override
    public void record(String userId, String productId, int units, String orderId, Instant at, UUID eventId) {
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
    public void forget(String userId) {
        mongo.remove(Query.query(where("userId").is(userId)), COLLECTION);
    }

    private static Document id(String userId, String productId) {
        return new Document("userId", userId).append("productId", productId);
    }
}
