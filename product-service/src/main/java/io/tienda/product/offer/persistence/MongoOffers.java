package io.tienda.product.offer.persistence;

import io.tienda.platform.core.Page;
import io.tienda.platform.inbox.MongoIdempotency;
import io.tienda.product.offer.domain.Offer;
import io.tienda.product.offer.domain.Offers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoOffers implements Offers {

    private static final Sort LATEST_FIRST = Sort.by(Sort.Direction.DESC, "startsAt", "_id");
    /** Far more automatic offers than any shop runs at once; a bound, not a page. */
    private static final int AUTOMATIC_LIMIT = 1_000;

    private final MongoTemplate mongo;

    MongoOffers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Page<Offer> liveAt(Instant now, int page, int size) {
        return page(live(now), page, size);
    }

    @Override
    public Page<Offer> all(int page, int size) {
        return page(new Criteria(), page, size);
    }

    @Override
    public Optional<Offer> byId(String id) {
        return findOne(Query.query(where("_id").is(id)));
    }

    @Override
    public Optional<Offer> byCouponCode(String code) {
        return code == null ? Optional.empty() : findOne(Query.query(where("couponCode").is(code)));
    }

    @Override
    public List<Offer> automaticLiveAt(Instant now, Collection<String> productIds, Collection<String> skus,
            Collection<String> categoryIds) {
        Criteria targets = new Criteria().orOperator(
                where("appliesTo").exists(false),
                where("appliesTo.scope").is(Offer.Scope.ALL.name()),
                where("appliesTo.scope").is(Offer.Scope.PRODUCTS.name()).and("appliesTo.ids").in(productIds),
                where("appliesTo.scope").is(Offer.Scope.VARIANTS.name()).and("appliesTo.ids").in(skus),
                where("appliesTo.scope").is(Offer.Scope.CATEGORIES.name()).and("appliesTo.ids").in(categoryIds));
        Query query = withoutUses(Query.query(new Criteria().andOperator(live(now),
                where("couponCode").exists(false), targets)).limit(AUTOMATIC_LIMIT));
        return mongo.find(query, OfferDocument.class).stream().map(OfferDocument::toDomain).toList();
    }

    @Override
    public void insert(Offer offer) {
        try {
            mongo.insert(OfferDocument.of(offer));
        } catch (DuplicateKeyException e) {
            throw new CouponCodeTakenException(offer.couponCode(), e);
        }
    }

    @Override
    public boolean replace(Offer previous, Offer next) {
        OfferDocument document = OfferDocument.of(next);
        Criteria unchanged = where("_id").is(previous.id()).and("version").in(versions(previous.version()));
        boolean codeChanges = previous.couponCode() != null && !previous.couponCode().equals(next.couponCode());
        if (codeChanges) {
            // the uses were made with the old code, and cancelled orders give them back by it
            unchanged = unchanged.and("used").in(Arrays.asList(0, null));
        }
        // a $set of the edited fields, never a whole-document replace: the uses live in this document too
        Update update = new Update()
                .set("name", document.name()).set("kind", document.kind())
                .set("appliesTo", document.appliesTo())
                .set("startsAt", document.startsAt()).set("active", document.active())
                .set("featured", document.featured()).set("updatedAt", document.updatedAt())
                .inc("version", 1);
        setOrUnset(update, "percentOff", document.percentOff());
        setOrUnset(update, "amountOff", document.amountOff());
        setOrUnset(update, "endsAt", document.endsAt());
        setOrUnset(update, "couponCode", document.couponCode());
        setOrUnset(update, "usageLimit", document.usageLimit());
        setOrUnset(update, "minimumOrder", document.minimumOrder());
        setOrUnset(update, "perCustomerLimit", document.perCustomerLimit());
        try {
            return mongo.updateFirst(Query.query(unchanged), update, OfferDocument.class).getModifiedCount() == 1;
        } catch (DuplicateKeyException e) {
            throw new CouponCodeTakenException(next.couponCode(), e);
        }
    }

    @Override
    public boolean deactivate(String id, Instant at) {
        Update update = new Update().set("active", false).set("updatedAt", at).inc("version", 1);
        return mongo.updateFirst(Query.query(where("_id").is(id)), update, OfferDocument.class).getMatchedCount() == 1;
    }

    private static void setOrUnset(Update update, String field, Object value) {
        // unset rather than null: the unique index on couponCode is sparse, and a null is a value to it
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    private Optional<Offer> findOne(Query query) {
        return Optional.ofNullable(mongo.findOne(withoutUses(query), OfferDocument.class))
                .map(OfferDocument::toDomain);
    }

    private Page<Offer> page(Criteria criteria, int page, int size) {
        Query query = withoutUses(Query.query(criteria).with(LATEST_FIRST).skip(Page.offset(page, size)).limit(size));
        var items = mongo.find(query, OfferDocument.class).stream().map(OfferDocument::toDomain).toList();
        return new Page<>(items, page, size, mongo.count(Query.query(criteria), OfferDocument.class));
    }

    /**
     * The record of uses grows to thousands of entries; nothing but the coupon code paths reads it, nor
     * the orders that gave a use back early, nor the ids of the commands applied to the coupon.
     */
    private static Query withoutUses(Query query) {
        query.fields().exclude(OfferDocument.REDEMPTIONS).exclude(OfferDocument.RELEASED)
                .exclude(MongoIdempotency.APPLIED);
        return query;
    }

    /**
     * Matches the version read. Offers written before versions were kept have none, which reads as
     * 0, so version 0 also matches a missing field.
     */
    static List<Object> versions(long version) {
        return version == 0 ? Arrays.asList(0L, null) : List.of(version);
    }

    static Criteria live(Instant now) {
        Date at = Date.from(now);
        // endsAt null (or absent) means the offer runs until someone ends it
        return where("active").is(true).and("startsAt").lte(at)
                .orOperator(where("endsAt").gt(at), where("endsAt").is(null));
    }
}
