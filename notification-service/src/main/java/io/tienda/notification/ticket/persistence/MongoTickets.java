package io.tienda.notification.ticket.persistence;

import io.tienda.notification.ticket.domain.Ticket;
import io.tienda.notification.ticket.domain.TicketMessage;
import io.tienda.notification.ticket.domain.TicketStatus;
import io.tienda.notification.ticket.domain.TicketSummary;
import io.tienda.notification.ticket.domain.Tickets;
import io.tienda.platform.core.Page;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Each document keeps, beside its {@code messages}, a summary of them ({@code messageCount},
 * {@code lastMessageAt}, {@code lastMessageAuthor}, {@code lastMessagePreview}), written with every write of
 * the document, so that lists read the summary with a projection and never the conversation.
 */
@Repository
class MongoTickets implements Tickets {

    /** What a list reads of a ticket: everything but {@code messages} (and the write bookkeeping). */
    static final String[] SUMMARY_FIELDS = {"customerId", "subject", "orderId", "returnId", "status",
            "messageCount", "lastMessageAt", "lastMessageAuthor", "lastMessagePreview", "createdAt", "updatedAt"};

    private static final Sort QUEUE = Sort.by(Sort.Direction.ASC, "updatedAt", "_id");
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "_id");

    private final MongoTemplate mongo;

    MongoTickets(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean insert(Ticket ticket) {
        try {
            mongo.insert(TicketDocument.of(ticket, ticket.version()), TicketIndexes.COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Ticket> find(String id) {
        return Optional.ofNullable(mongo.findById(id, TicketDocument.class, TicketIndexes.COLLECTION))
                .map(TicketDocument::toDomain);
    }

    @Override
    public boolean save(Ticket ticket) {
        Query unchanged = Query.query(where("_id").is(ticket.id()).and("version").is(ticket.version()));
        return mongo.findAndReplace(unchanged, TicketDocument.of(ticket, ticket.version() + 1),
                TicketIndexes.COLLECTION) != null;
    }

    @Override
    public Page<TicketSummary> search(String customerId, TicketStatus status, String orderId, boolean oldestFirst, int page,
            int size) {
        Criteria criteria = new Criteria();
        if (customerId != null) {
            criteria.and("customerId").is(customerId);
        }
        if (status != null) {
            criteria.and("status").is(status.name());
        }
        if (orderId != null) {
            criteria.and("orderId").is(orderId);
        }
        Query matching = Query.query(criteria);
        List<TicketSummary> items = new ArrayList<>();
        for (SummaryDocument summary : mongo.find(summaries(Query.of(matching)
                        .with(oldestFirst ? QUEUE : NEWEST_FIRST).skip(Page.offset(page, size)).limit(size)),
                SummaryDocument.class, TicketIndexes.COLLECTION)) {
            items.add(summary.messageCount() != null ? summary.toDomain()
                    // Written without a summary (by an older version): summarised from the whole ticket.
                    : find(summary.id()).map(TicketSummary::of).orElseGet(summary::toDomain));
        }
        return new Page<>(items, page, size, mongo.count(matching, TicketIndexes.COLLECTION));
    }

    /** {@code query} reading only the summary of each ticket. */
    static Query summaries(Query query) {
        query.fields().include(SUMMARY_FIELDS);
        return query;
    }

    /**
     * Writes the summary of every ticket that has none (written by an older version), unless the ticket
     * changed meanwhile, in which case its write carried the summary. Returns how many were written.
     */
    int summariseLegacyTickets() {
        int written = 0;
        try (Stream<TicketDocument> legacy = mongo.stream(Query.query(where("messageCount").exists(false)),
                TicketDocument.class, TicketIndexes.COLLECTION)) {
            for (TicketDocument ticket : (Iterable<TicketDocument>) legacy::iterator) {
                TicketDocument summarised = TicketDocument.of(ticket.toDomain(), ticket.version());
                written += (int) mongo.updateFirst(Query.query(where("_id").is(ticket.id()).and("version")
                                .is(ticket.version()).and("messageCount").exists(false)), new Update()
                                .set("messageCount", summarised.messageCount())
                                .set("lastMessageAt", summarised.lastMessageAt())
                                .set("lastMessageAuthor", summarised.lastMessageAuthor())
                                .set("lastMessagePreview", summarised.lastMessagePreview()),
                        TicketIndexes.COLLECTION).getModifiedCount();
            }
        }
        return written;
    }

    @Override
    public List<Ticket> withPendingMail(int limit) {
        return mongo.find(Query.query(where("messages.mailPending").is(true)).limit(limit), TicketDocument.class,
                TicketIndexes.COLLECTION).stream().map(TicketDocument::toDomain).toList();
    }

    @Override
    public List<Ticket> ofCustomer(String customerId) {
        return mongo.find(Query.query(where("customerId").is(customerId)), TicketDocument.class,
                TicketIndexes.COLLECTION).stream().map(TicketDocument::toDomain).toList();
    }

    record TicketDocument(String id, String customerId, String subject, String orderId, String returnId,
            String status, List<MessageDocument> messages, Integer messageCount, Instant lastMessageAt,
            String lastMessageAuthor, String lastMessagePreview, Instant createdAt, Instant updatedAt,
            long version) {

        static TicketDocument of(Ticket t, long version) {
            TicketSummary summary = TicketSummary.of(t);
            return new TicketDocument(t.id(), t.customerId(), t.subject(), t.orderId(), t.returnId(),
                    t.status().name(), t.messages().stream().map(MessageDocument::of).toList(),
                    summary.messageCount(), summary.lastMessageAt(),
                    summary.lastMessageAuthor() == null ? null : summary.lastMessageAuthor().name(),
                    summary.lastMessagePreview(), t.createdAt(), t.updatedAt(), version);
        }

        Ticket toDomain() {
            return new Ticket(id, customerId, subject, orderId, returnId, TicketStatus.valueOf(status),
                    messages == null ? List.of() : messages.stream().map(MessageDocument::toDomain).toList(),
                    createdAt, updatedAt, version);
        }
    }

    /** A ticket read through {@link #summaries}: no messages. */
    record SummaryDocument(String id, String customerId, String subject, String orderId, String returnId,
            String status, Integer messageCount, Instant lastMessageAt, String lastMessageAuthor,
            String lastMessagePreview, Instant createdAt, Instant updatedAt) {

        TicketSummary toDomain() {
            return new TicketSummary(id, customerId, subject, orderId, returnId, TicketStatus.valueOf(status),
                    messageCount == null ? 0 : messageCount, lastMessageAt,
                    lastMessageAuthor == null ? null : TicketMessage.Author.valueOf(lastMessageAuthor),
                    lastMessagePreview, createdAt, updatedAt);
        }
    }

    record MessageDocument(String author, String authorId, String body, Instant at, boolean mailPending,
            String requestKey) {

        static MessageDocument of(TicketMessage m) {
            return new MessageDocument(m.author().name(), m.authorId(), m.body(), m.at(), m.mailPending(),
                    m.requestKey());
        }

        TicketMessage toDomain() {
            return new TicketMessage(TicketMessage.Author.valueOf(author), authorId, body, at, mailPending,
                    requestKey);
        }
    }
}
