package io.tienda.product.review.persistence;

import io.tienda.platform.core.Page;
import io.tienda.product.review.domain.RatingSummary;
import io.tienda.product.review.domain.Review;
import io.tienda.product.review.domain.Reviews;
import io.tienda.product.review.domain.Visibility;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoReviews implements Reviews {

    /** The id breaks ties so that pages never overlap. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "_id");

    private final MongoTemplate mongo;

    MongoReviews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void insert(Review review) {
        try {
            mongo.insert(ReviewDocument.of(review));
        } catch (DuplicateKeyException e) {
            throw new AlreadyReviewedException(review.productId(), e);
        }
    }

    @Override
    public Optional<Review> byId(String productId, String reviewId) {
        Query query = Query.query(where("_id").is(reviewId).and("productId").is(productId));
        return Optional.ofNullable(mongo.findOne(query, ReviewDocument.class)).map(ReviewDocument::toDomain);
    }

    @Override
    public Page<Review> page(String productId, Visibility visibility, int page, int size) {
        Criteria criteria = where("productId").is(productId);
        if (visibility != Visibility.ALL) {
            criteria = criteria.and("hidden").is(visibility == Visibility.HIDDEN);
        }
        Query query = Query.query(criteria).with(NEWEST_FIRST).skip(Page.offset(page, size)).limit(size);
        var items = mongo.find(query, ReviewDocument.class).stream().map(ReviewDocument::toDomain).toList();
        return new Page<>(items, page, size, mongo.count(Query.query(criteria), ReviewDocument.class));
    }

    @Override
    public boolean update(Review review) {
        ReviewDocument document = ReviewDocument.of(review);
        Update update = new Update().set("rating", document.rating()).set("hidden", document.hidden())
                .set("updatedAt", document.updatedAt()).inc("version", 1);
        setOrUnset(update, "title", document.title());
        setOrUnset(update, "text", document.text());
        setOrUnset(update, "moderation", document.moderation());
        Query query = Query.query(where("_id").is(review.id()).and("productId").is(review.productId())
                .and("version").is(review.version() - 1));
        return mongo.updateFirst(query, update, ReviewDocument.class).getMatchedCount() == 1;
    }

    @Override
    public boolean deleteUnlessHidden(String productId, String reviewId) {
        Query query = Query.query(where("_id").is(reviewId).and("productId").is(productId).and("hidden").is(false));
        return mongo.remove(query, ReviewDocument.class).getDeletedCount() == 1;
    }

    @Override
    public RatingSummary summary(String productId) {
        Aggregation byStars = Aggregation.newAggregation(
                Aggregation.match(where("productId").is(productId).and("hidden").is(false)),
                Aggregation.group("rating").count().as("reviews"));
        Map<Integer, Long> counts = new HashMap<>();
        for (Document group : mongo.aggregate(byStars, ReviewDocument.COLLECTION, Document.class)) {
            counts.put(((Number) group.get("_id")).intValue(), ((Number) group.get("reviews")).longValue());
        }
        return RatingSummary.of(counts);
    }

    @Override
    public void markVerified(String userId, Collection<String> productIds) {
        // not an anonymised review: its author was erased, and an order of theirs arriving late verifies nothing
        Query query = Query.query(where("userId").is(userId).and("productId").in(productIds)
                .and("verifiedPurchase").is(false).and("anonymised").is(false));
        mongo.updateMulti(query, new Update().set("verifiedPurchase", true), ReviewDocument.class);
    }

    @Override
    public void markUnverified(String userId, Collection<String> productIds) {
        // an anonymised review keeps what it showed: its author's purchases were deleted with the erasure
        Query query = Query.query(where("userId").is(userId).and("productId").in(productIds)
                .and("verifiedPurchase").is(true).and("anonymised").is(false));
        mongo.updateMulti(query, new Update().set("verifiedPurchase", false), ReviewDocument.class);
    }

    @Override
    public long anonymise(String userId) {
        Query query = Query.query(where("userId").is(userId).and("anonymised").is(false));
        Update update = new Update().unset("authorName").set("anonymised", true);
        return mongo.updateMulti(query, update, ReviewDocument.class).getModifiedCount();
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }
}
