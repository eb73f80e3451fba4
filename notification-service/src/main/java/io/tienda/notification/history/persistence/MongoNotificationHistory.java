package io.tienda.notification.history.persistence;

import io.tienda.notification.history.domain.Notification;
import io.tienda.notification.history.domain.NotificationHistory;
import io.tienda.platform.core.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoNotificationHistory implements NotificationHistory {

    /** Served by the (recipientId, createdAt) index; the id keeps pages stable when timestamps tie. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "_id");

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
}
