package io.tienda.notification.ticket.persistence;

import io.tienda.notification.NotificationServiceIT;
import io.tienda.notification.ticket.domain.Ticket;
import io.tienda.notification.ticket.domain.TicketMessage;
import io.tienda.notification.ticket.domain.TicketSummary;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Against the MongoDB wire server: lists read each ticket's summary, and the store never sends its messages. */
class MongoTicketsIT extends NotificationServiceIT {

    @Autowired
    private MongoTickets tickets;

    @Test
    void theListProjectionLeavesTheMessagesInTheStore() {
        String customer = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Ticket ticket = Ticket.open(UUID.randomUUID().toString(), customer, "Pedido", "a".repeat(5000), null, null,
                        now.minusSeconds(60))
                .reply(TicketMessage.Author.STAFF, "s-1", "b".repeat(5000), now.minusSeconds(30), null)
                .reply(TicketMessage.Author.CUSTOMER, customer, "gracias", now, null);
        tickets.insert(ticket);

        List<Document> read = mongo.find(MongoTickets.summaries(Query.query(where("_id").is(ticket.id()))),
                Document.class, "tickets");

        assertThat(read).hasSize(1);
        assertThat(read.get(0)).doesNotContainKey("messages").doesNotContainKey("version")
                .containsEntry("messageCount", 3).containsEntry("lastMessageAuthor", "CUSTOMER")
                .containsEntry("lastMessagePreview", "gracias").containsEntry("lastMessageAt", Date.from(now));
        assertThat(mongo.findById(ticket.id(), Document.class, "tickets")).containsKey("messages");
        assertThat(tickets.search(customer, null, null, false, 0, 20).items())
                .containsExactly(TicketSummary.of(ticket));
    }

    @Test
    void aTicketWrittenWithoutASummaryIsListedAndThenSummarised() {
        String customer = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        Date at = new Date();
        mongo.insert(new Document("_id", id).append("customerId", customer).append("subject", "Antiguo")
                .append("status", "ANSWERED").append("createdAt", at).append("updatedAt", at).append("version", 3L)
                .append("messages", List.of(
                        new Document("author", "CUSTOMER").append("authorId", customer).append("body", "?")
                                .append("at", at).append("mailPending", false),
                        new Document("author", "STAFF").append("authorId", "s-1").append("body", "Respuesta.")
                                .append("at", at).append("mailPending", false))), "tickets");

        TicketSummary listed = tickets.search(customer, null, null, false, 0, 20).items().get(0);
        assertThat(listed.messageCount()).isEqualTo(2);
        assertThat(listed.lastMessageAuthor()).isEqualTo(TicketMessage.Author.STAFF);
        assertThat(listed.lastMessagePreview()).isEqualTo("Respuesta.");

        assertThat(tickets.summariseLegacyTickets()).isPositive();

        Document summarised = mongo.findById(id, Document.class, "tickets");
        assertThat(summarised).containsEntry("messageCount", 2).containsEntry("lastMessageAuthor", "STAFF")
                .containsEntry("lastMessagePreview", "Respuesta.").containsEntry("lastMessageAt", at)
                .containsEntry("version", 3L);
        assertThat(summarised.getList("messages", Document.class)).hasSize(2);
        assertThat(tickets.search(customer, null, null, false, 0, 20).items()).containsExactly(listed);
    }
}
