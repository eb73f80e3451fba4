package io.tienda.notification.mailing.persistence;

import io.tienda.notification.mailing.domain.RefundAnnouncements;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code refund_announcements} collection: {@code _id} (the refund id), {@code orderId}, {@code notificationId},
 * {@code amount}, {@code at}. No personal data: whose the order is stays with the notifications.
 */
@Repository
class MongoRefundAnnouncements implements RefundAnnouncements {

    private final MongoTemplate mongo;
    private final Clock clock;

    MongoRefundAnnouncements(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void remember(Announcement announcement) {
        // announced before (a redelivered event): the first announcement stays
        MongoInserts.once(mongo, new AnnouncementDocument(announcement.refundId(), announcement.orderId(),
                announcement.notificationId(), announcement.amount(), clock.instant()));
    }

    @Override
    public Optional<Announcement> find(String refundId) {
        return Optional.ofNullable(mongo.findById(refundId, AnnouncementDocument.class))
                .map(d -> new Announcement(d.id(), d.orderId(), d.notificationId(), d.amount()));
    }

    @Document(AnnouncementDocument.COLLECTION)
    record AnnouncementDocument(@Id String id, String orderId, String notificationId, String amount, Instant at) {

        static final String COLLECTION = "refund_announcements";
    }
}
