package io.tienda.notification.ticket.persistence;

import io.tienda.notification.ticket.domain.Ticket;
import io.tienda.notification.ticket.domain.TicketMessage;
import io.tienda.notification.ticket.domain.TicketStatus;
import io.tienda.notification.ticket.domain.Tickets;
import io.tienda.platform.core.Page;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoTickets implements Tickets {

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
    public Page<Ticket> search(String customerId, TicketStatus status, String orderId, boolean oldestFirst, int page,
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
        List<Ticket> items = mongo.find(Query.of(matching).with(oldestFirst ? QUEUE : NEWEST_FIRST)
                        .skip(Page.offset(page, size)).limit(size), TicketDocument.class, TicketIndexes.COLLECTION)
                .stream().map(TicketDocument::toDomain).toList();
        return new Page<>(items, page, size, mongo.count(matching, TicketIndexes.COLLECTION));
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
            String status, List<MessageDocument> messages, Instant createdAt, Instant updatedAt, long version) {

        static TicketDocument of(Ticket t, long version) {
            return new TicketDocument(t.id(), t.customerId(), t.subject(), t.orderId(), t.returnId(),
                    t.status().name(), t.messages().stream().map(MessageDocument::of).toList(), t.createdAt(),
                    t.updatedAt(), version);
        }

        Ticket toDomain() {
            return new Ticket(id, customerId, subject, orderId, returnId, TicketStatus.valueOf(status),
                    messages == null ? List.of() : messages.stream().map(MessageDocument::toDomain).toList(),
                    createdAt, updatedAt, version);
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
