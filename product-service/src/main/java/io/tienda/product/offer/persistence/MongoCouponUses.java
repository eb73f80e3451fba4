package io.tienda.product.offer.persistence;

import io.tienda.platform.events.Money;
import io.tienda.platform.inbox.MongoIdempotency;
import io.tienda.product.offer.domain.CouponUses;
import io.tienda.product.offer.domain.Offer;
import io.tienda.product.offer.domain.Redemption;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Coupon uses as entries of the offer document's {@code redemptions} array, one per order:
 * {@code {orderId, customerId, orderTotal {amount, currency}, at}}. The counter {@code used}, the
 * limits and the entry change in one conditional update, which MongoDB applies atomically to a
 * single document: fifty checkouts racing for the last ten uses get exactly ten, and the order id in
 * the entry makes a repeated call a no-op rather than a second use. Commands from the checkout saga
 * also leave their event id in the document's {@value MongoIdempotency#APPLIED} (the platform's inbox
 * for MongoDB), by the same write, so a command delivered again after its use was given back does not
 * count it again. That inbox keeps only the last event ids of the document, so every release also leaves
 * its order id in {@value OfferDocument#RELEASED} (the last {@value #RELEASES_KEPT}): a redemption of an
 * order already released is never applied, however many commands passed in between.
 */
@Repository
class MongoCouponUses implements CouponUses {

    private static final String REDEMPTIONS = OfferDocument.REDEMPTIONS;
    private static final String RELEASED = OfferDocument.RELEASED;
    /**
     * Released orders kept per offer, so the document stays bounded however many orders a coupon sees
     * cancelled. A mark only has to outlive the redeliveries of its order's redemption, which come within
     * minutes (an outbox resubmit, a poll delivered again), not after a thousand later cancellations.
     */
    static final int RELEASES_KEPT = 1_000;

    private final MongoTemplate mongo;
    private final MongoIdempotency idempotency;

    MongoCouponUses(MongoTemplate mongo, MongoIdempotency idempotency) {
        this.mongo = mongo;
        this.idempotency = idempotency;
    }

    @Override
    public boolean redeem(Offer offer, Redemption redemption, Instant now, UUID commandId) {
        Date at = Date.from(now);
        Document filter = new Document("_id", offer.id())
                .append("version", new Document("$in", MongoOffers.versions(offer.version())))
                .append("couponCode", offer.couponCode())
                .append("active", true)
                .append("startsAt", new Document("$lte", at))
                .append("$or", List.of(new Document("endsAt", new Document("$gt", at)), new Document("endsAt", null)))
                // $not $gte rather than $lt: an offer stored before uses were counted has no counter yet
                .append("used", new Document("$not", new Document("$gte", offer.coupon().effectiveLimit())))
                .append(REDEMPTIONS + ".orderId", new Document("$ne", redemption.orderId()));
        if (commandId != null) {
            filter.append(RELEASED, new Document("$ne", redemption.orderId()));
        }
        Integer perCustomer = offer.coupon().perCustomerLimit();
        if (perCustomer != null && redemption.customerId() != null) {
            filter.append("$expr", new Document("$lt", List.of(usesOf(redemption.customerId()), perCustomer)));
        }
        Document entry = new Document("orderId", redemption.orderId())
                .append("orderTotal", new Document("amount", redemption.orderTotal().amount())
                        .append("currency", redemption.orderTotal().currency()))
                .append("at", Date.from(redemption.redeemedAt()));
        if (redemption.customerId() != null) {
            entry.append("customerId", redemption.customerId());
        }
        Update update = new Update().inc("used", 1).push(REDEMPTIONS, entry);
        return apply(new BasicQuery(filter), update, commandId);
    }

    @Override
    public boolean applied(String offerId, UUID commandId) {
        return mongo.exists(Query.query(where("_id").is(offerId).and(MongoIdempotency.APPLIED)
                .is(commandId.toString())), OfferDocument.COLLECTION);
    }

    @Override
    public Optional<Redemption> find(String offerId, String orderId) {
        Query query = Query.query(where("_id").is(offerId).and(REDEMPTIONS + ".orderId").is(orderId));
        query.fields().include("_id").elemMatch(REDEMPTIONS, where("orderId").is(orderId));
        Document found = mongo.findOne(query, Document.class, OfferDocument.COLLECTION);
        if (found == null) {
            return Optional.empty();
        }
        return found.getList(REDEMPTIONS, Document.class, List.of()).stream()
                .filter(entry -> orderId.equals(entry.getString("orderId")))
                .findFirst()
                .map(MongoCouponUses::redemption);
    }

    @Override
    public boolean usedAtLeast(String offerId, String customerId, int times) {
        // counted by the server: the array can hold thousands of other customers' uses
        Document filter = new Document("_id", offerId)
                .append("$expr", new Document("$gte", List.of(usesOf(customerId), times)));
        return mongo.exists(new BasicQuery(filter), OfferDocument.COLLECTION);
    }

    @Override
    public boolean release(String offerId, String orderId, UUID commandId) {
        Criteria used = where("_id").is(offerId).and(REDEMPTIONS + ".orderId").is(orderId);
        Update update = new Update().inc("used", -1).pull(REDEMPTIONS, new Document("orderId", orderId));
        // the same write marks the order released: its redemption delivered again once the offer has
        // forgotten the command's event id must still not take the use back
        update.push(RELEASED).slice(-RELEASES_KEPT).each(orderId);
        return apply(Query.query(used), update, commandId);
    }

    @Override
    public boolean releaseBeforeUse(String offerId, String orderId, UUID commandId) {
        Criteria unused = where("_id").is(offerId).and(REDEMPTIONS + ".orderId").ne(orderId)
                .and(RELEASED).ne(orderId);
        Update update = new Update();
        update.push(RELEASED).slice(-RELEASES_KEPT).each(orderId);
        return apply(Query.query(unused), update, commandId);
    }

    @Override
    public boolean released(String offerId, String orderId) {
        return mongo.exists(Query.query(where("_id").is(offerId).and(RELEASED).is(orderId)),
                OfferDocument.COLLECTION);
    }

    /** One conditional update of the offer's document; with a command id, also its inbox entry. */
    private boolean apply(Query query, Update update, UUID commandId) {
        if (commandId != null) {
            return idempotency.applyOnce(OfferDocument.COLLECTION, query, update, commandId);
        }
        return mongo.updateFirst(query, update, OfferDocument.COLLECTION).getModifiedCount() == 1;
    }

    /** {@code $size} of the entries of one customer, as an aggregation expression. */
    private static Document usesOf(String customerId) {
        Document mine = new Document("$filter", new Document("input",
                new Document("$ifNull", List.of("$" + REDEMPTIONS, List.of())))
                .append("as", "use")
                .append("cond", new Document("$eq", List.of("$$use.customerId", customerId))));
        return new Document("$size", mine);
    }

    private static Redemption redemption(Document entry) {
        Document total = entry.get("orderTotal", Document.class);
        Date at = entry.getDate("at");
        return new Redemption(entry.getString("orderId"), entry.getString("customerId"),
                Money.of(((Number) total.get("amount")).longValue(), total.getString("currency")), at.toInstant());
    }
}
