package io.tienda.notification.mailing.persistence;

import io.tienda.notification.mailing.domain.ReturnRefunds;
import io.tienda.platform.mongo.MongoIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.domain.Sort.Direction.ASC;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code return_refunds} ({@code _id} the refund id, {@code returnId}, {@code orderId}, {@code amount}, {@code at},
 * {@code failedAt}) and {@code return_refund_mails} ({@code _id} the mail's id, {@code returnId}, {@code orderId},
 * {@code rma}, {@code amount}, {@code at}). No personal data: whose the return is stays with the notifications.
 * Each side is listed in the order it arrived ({@code at}, then id), which is the order the producer published
 * it in: a return's events share a partition.
 */
@Repository
class MongoReturnRefunds implements ReturnRefunds {

    private static final Sort FIRST_FIRST = Sort.by(ASC, "at", "_id");

    private final MongoTemplate mongo;
    private final Clock clock;

    MongoReturnRefunds(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void refunded(Refund refund) {
        // a redelivered payment.refunded finds the first record
        MongoInserts.once(mongo, new RefundDocument(refund.refundId(), refund.returnId(), refund.orderId(),
                refund.amount(), clock.instant(), null));
    }

    @Override
    public void mailed(Mail mail) {
        // a redelivered returns.refunded finds the first record
        MongoInserts.once(mongo, new MailDocument(mail.notificationId(), mail.returnId(), mail.orderId(), mail.rma(),
                mail.amount(), clock.instant()));
    }

    @Override
    public Optional<Refund> refund(String refundId) {
        return Optional.ofNullable(mongo.findById(refundId, RefundDocument.class)).map(RefundDocument::toDomain);
    }

    @Override
    public void failed(String refundId) {
        mongo.updateFirst(Query.query(where("_id").is(refundId).and("failedAt").is(null)),
                new Update().set("failedAt", clock.instant()), RefundDocument.class);
    }

    @Override
    public Optional<Mail> mailOf(Refund refund) {
        List<String> refunds = ids(refund.returnId(), RefundDocument.class);
        int index = refunds.indexOf(refund.refundId());
        List<MailDocument> mails = mongo.find(Query.query(where("returnId").is(refund.returnId())).with(FIRST_FIRST),
                MailDocument.class);
        return index < 0 || index >= mails.size() ? Optional.empty() : Optional.of(mails.get(index).toDomain());
    }

    @Override
    public Optional<Refund> refundOf(Mail mail) {
        List<String> mails = ids(mail.returnId(), MailDocument.class);
        int index = mails.indexOf(mail.notificationId());
        List<RefundDocument> refunds = mongo.find(Query.query(where("returnId").is(mail.returnId()))
                .with(FIRST_FIRST), RefundDocument.class);
        return index < 0 || index >= refunds.size() ? Optional.empty() : Optional.of(refunds.get(index).toDomain());
    }

    private List<String> ids(String returnId, Class<?> type) {
        Query ofReturn = Query.query(where("returnId").is(returnId)).with(FIRST_FIRST);
        ofReturn.fields().include("_id");
        return mongo.find(ofReturn, org.bson.Document.class, mongo.getCollectionName(type)).stream()
                .map(d -> d.getString("_id")).toList();
    }

    @Document(RefundDocument.COLLECTION)
    record RefundDocument(@Id String id, String returnId, String orderId, String amount, Instant at,
            Instant failedAt) {

        static final String COLLECTION = "return_refunds";

        Refund toDomain() {
            return new Refund(id, returnId, orderId, amount, failedAt != null);
        }
    }

    @Document(MailDocument.COLLECTION)
    record MailDocument(@Id String id, String returnId, String orderId, String rma, String amount, Instant at) {

        static final String COLLECTION = "return_refund_mails";

        Mail toDomain() {
            return new Mail(id, returnId, orderId, rma, amount);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Indexes {

        @Bean
        MongoIndexes indexesOfReturnRefunds() {
            return MongoIndexes.on(RefundDocument.COLLECTION,
                    new Index("returnId", ASC).on("at", ASC).named("return_first"));
        }

        @Bean
        MongoIndexes indexesOfReturnRefundMails() {
            return MongoIndexes.on(MailDocument.COLLECTION,
                    new Index("returnId", ASC).on("at", ASC).named("return_first"));
        }
    }
}
