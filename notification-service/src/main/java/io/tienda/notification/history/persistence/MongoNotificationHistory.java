package io.tienda.notification.history.persistence;

import io.tienda.notification.history.domain.Notification;
import io.tienda.notification.history.domain.NotificationHistory;
import io.tienda.notification.history.domain.Notifications;
import io.tienda.platform.core.Page;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoNotificationHistory implements NotificationHistory, Notifications {

    /** Served by the (recipientId, createdAt) index; the id keeps pages stable when timestamps tie. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "_id");
    private static final Sort OLDEST_FIRST = Sort.by(Sort.Direction.ASC, "createdAt", "_id");
    private static final Sort DUE_FIRST = Sort.by(Sort.Direction.ASC, "nextAttemptAt", "_id");
    private static final String PENDING = Notification.Status.PENDING.name();

    private final MongoTemplate mongo;

    MongoNotificationHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Page<Notification> forRecipient(String recipientId, int page, int size) {
        Query mine = Query.query(where("recipientId").is(recipientId));
        var items = mongo.find(Query.of(mine).with(NEWEST_FIRST).skip(Page.offset(page, size)).limit(size),
                NotificationDocument.class).stream().map(NotificationDocument::toDomain).toList();
        return new Page<>(items, page, size, mongo.count(mine, NotificationDocument.class));
    }

    @Override
    public boolean addOnce(Notification notification) {
        try {
            mongo.insert(NotificationDocument.of(notification));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Claim> claimNext(Instant now, Duration lease) {
        Query due = Query.query(where("status").is(PENDING).and("nextAttemptAt").lte(now)
                .orOperator(where("claimedUntil").is(null), where("claimedUntil").lt(now))).with(DUE_FIRST);
        // Milliseconds, as the store keeps them, so that the claim read back matches the one written.
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
        NotificationDocument claimed = mongo.findAndModify(due, new Update().set("claimedUntil", until),
                FindAndModifyOptions.options().returnNew(true), NotificationDocument.class);
        return Optional.ofNullable(claimed).map(d -> new Claim(d.toDomain(), d.claimedUntil()));
    }

    @Override
    public boolean save(Notification notification, Instant claim) {
        // A full replace, but only of the message as this claim took it: still PENDING and still held by
        // the claim. Erasure fails pending messages and drops claims; a new claim replaces an old one.
        Query held = Query.query(where("_id").is(notification.id()).and("status").is(PENDING)
                .and("claimedUntil").is(claim));
        return mongo.replace(held, NotificationDocument.of(notification)).getMatchedCount() == 1;
    }

    @Override
    public Optional<Notification> find(String id) {
        return Optional.ofNullable(mongo.findById(id, NotificationDocument.class)).map(NotificationDocument::toDomain);
    }

    @Override
    public boolean withdraw(String id, String reason, Instant now) {
        Query idle = Query.query(where("_id").is(id).and("status").is(PENDING)
                .orOperator(where("claimedUntil").is(null), where("claimedUntil").lt(now)));
        Update giveUp = new Update().set("status", Notification.Status.FAILED.name()).set("failureReason", reason)
                .unset("nextAttemptAt").unset("variables").unset("claimedUntil");
        return mongo.updateFirst(idle, giveUp, NotificationDocument.class).getModifiedCount() == 1;
    }

    @Override
    public Optional<String> recipientOfOrder(String orderId) {
        // Never from a message whose order a customer named (a ticket's answer): only order events say
        // whose an order is. The earliest, so that the answer does not depend on the store's order.
        Query about = Query.query(where("orderId").is(orderId).and("template").in(ORDER_EVENT_TEMPLATES)
                .and("recipientId").ne(null)).with(OLDEST_FIRST).limit(1);
        return Optional.ofNullable(mongo.findOne(about, NotificationDocument.class))
                .map(NotificationDocument::recipientId);
    }

    @Override
    public long anonymise(String recipientId, String anonymousId, Instant now) {
        // Messages about the recipient's orders that name nobody yet (a refund, resolved when sent).
        List<String> orders = mongo.findDistinct(Query.query(where("recipientId").is(recipientId)
                .and("orderId").ne(null)), "orderId", NotificationDocument.class, String.class);
        if (!orders.isEmpty()) {
            mongo.updateMulti(Query.query(where("recipientId").is(null).and("orderId").in(orders).and("status")
                    .is(PENDING)), givenUp(new Update()), NotificationDocument.class);
        }
        // A pending message is given up and anonymised in one write: no reader ever finds it given up
        // and still naming the recipient.
        long pending = mongo.updateMulti(Query.query(where("recipientId").is(recipientId).and("status").is(PENDING)),
                givenUp(anonymised(anonymousId)), NotificationDocument.class).getModifiedCount();
        return pending + mongo.updateMulti(Query.query(where("recipientId").is(recipientId)),
                anonymised(anonymousId), NotificationDocument.class).getModifiedCount();
    }

    /** Nothing of the recipient left in a message: who, where, what it said. */
    private static Update anonymised(String anonymousId) {
        return new Update().set("recipientId", anonymousId).unset("addresses").unset("subject").unset("variables")
                .unset("language").unset("claimedUntil");
    }

    /** A pending message that will never be sent, for want of a recipient. */
    private static Update givenUp(Update update) {
        return update.set("status", Notification.Status.FAILED.name())
                .set("failureReason", Notification.RECIPIENT_ERASED).unset("nextAttemptAt").unset("variables")
                .unset("claimedUntil");
    }
}
