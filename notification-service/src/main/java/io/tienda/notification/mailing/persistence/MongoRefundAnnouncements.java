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
 * {@code amount}, {@code at}; and {@code refund_failures}: {@code _id} (the refund id), {@code eventId},
 * {@code orderId}, {@code paymentId}, {@code amount}, {@code reason}, {@code at}. No personal data: whose the
 * order is stays with the notifications.
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

    @Override
    public void failed(Failure failure) {
        // failed before (a redelivered event): the first failure stays
        MongoInserts.once(mongo, new FailureDocument(failure.refundId(), failure.eventId(), failure.orderId(),
                failure.paymentId(), failure.amount(), failure.reason(), clock.instant()));
    }

    @Override
    public Optional<Failure> failure(String refundId) {
        return Optional.ofNullable(mongo.findById(refundId, FailureDocument.class))
                .map(d -> new Failure(d.id(), d.eventId(), d.orderId(), d.paymentId(), d.amount(), d.reason()));
    }

    @Document(AnnouncementDocument.COLLECTION)
    record AnnouncementDocument(@Id String id, String orderId, String notificationId, String amount, Instant at) {

        static final String COLLECTION = "refund_announcements";
    }

    @Document(FailureDocument.COLLECTION)
    record FailureDocument(@Id String id, String eventId, String orderId, String paymentId, String amount,
            String reason, Instant at) {

        static final String COLLECTION = "refund_failures";
    }
}
