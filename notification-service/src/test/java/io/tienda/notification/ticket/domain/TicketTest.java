package io.tienda.notification.ticket.domain;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.IllegalTransitionException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.tienda.notification.ticket.domain.TicketMessage.Author.CUSTOMER;
import static io.tienda.notification.ticket.domain.TicketMessage.Author.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final Ticket open = Ticket.open("t-1", "c-1", "Talla", "Pedí una L", null, null, T0);

    @Test
    void aStaffReplyAnswersAndOwesTheCustomerAMail() {
        Ticket answered = open.reply(STAFF, "s-1", "Va en camino", T0.plusSeconds(60), null);

        assertThat(answered.status()).isEqualTo(TicketStatus.ANSWERED);
        assertThat(answered.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(answered.messages()).hasSize(2);
        assertThat(answered.messages().get(1).mailPending()).isTrue();
        assertThat(answered.mailQueued(1).messages().get(1).mailPending()).isFalse();
        assertThat(answered.reply(STAFF, "s-2", "Y otra cosa", T0, null).status()).isEqualTo(TicketStatus.ANSWERED);
    }

    @Test
    void theCustomersReplyReopensIt() {
        Ticket reopened = open.reply(STAFF, "s-1", "?", T0, null).reply(CUSTOMER, "c-1", "!", T0, null);

        assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(reopened.messages().get(2).mailPending()).isFalse();
        assertThat(open.reply(CUSTOMER, "c-1", "más", T0, null).status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void aClosedTicketTakesNothingMore() {
        Ticket closed = open.close(T0);

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThatThrownBy(() -> closed.reply(CUSTOMER, "c-1", "x", T0, null))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> closed.reply(STAFF, "s-1", "x", T0, null))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> closed.close(T0)).isInstanceOf(IllegalTransitionException.class);
        assertThat(open.reply(STAFF, "s", "x", T0, null).close(T0).status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void aTicketIsOpenedAsARequestThatSaysTheSame() {
        Ticket about = Ticket.open("t-1", "c-1", "Talla", "Pedí una L", "o-1", null, T0);

        assertThat(about.isOpenedAs(Ticket.open("t-1", "c-1", "Talla", "Pedí una L", "o-1", null, T0.plusSeconds(9))))
                .isTrue();
        assertThat(about.reply(STAFF, "s-1", "Va", T0, null)
                .isOpenedAs(Ticket.open("t-1", "c-1", "Talla", "Pedí una L", "o-1", null, T0))).isTrue();
        for (Ticket other : new Ticket[] {Ticket.open("t-1", "c-2", "Talla", "Pedí una L", "o-1", null, T0),
                Ticket.open("t-1", "c-1", "Color", "Pedí una L", "o-1", null, T0),
                Ticket.open("t-1", "c-1", "Talla", "Pedí una M", "o-1", null, T0),
                Ticket.open("t-1", "c-1", "Talla", "Pedí una L", null, null, T0),
                Ticket.open("t-1", "c-1", "Talla", "Pedí una L", "o-1", "r-1", T0)}) {
            assertThat(about.isOpenedAs(other)).as(other.toString()).isFalse();
        }
        assertThat(about.anonymised("erased-1", T0).isOpenedAs(about)).isFalse();
    }

    @Test
    void anonymisingKeepsNoWordsOfTheCustomer() {
        Ticket anonymous = open.reply(STAFF, "s-1", "Hola Ana", T0, null).anonymised("erased-1", T0);

        assertThat(anonymous.customerId()).isEqualTo("erased-1");
        assertThat(anonymous.subject()).isEqualTo(Ticket.ERASED);
        assertThat(anonymous.messages()).allMatch(m -> m.body().equals(Ticket.ERASED) && !m.mailPending());
        assertThat(anonymous.status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void aRetriedReplyAddsNothing() {
        Ticket once = open.reply(STAFF, "s-1", "Va en camino", T0, "key-1");

        Ticket again = once.close(T0).reply(STAFF, "s-1", "Va en camino", T0, "key-1");

        assertThat(again.messages()).hasSize(2);
        assertThat(once.reply(STAFF, "s-1", "Va en camino", T0, "key-1")).isSameAs(once);
        assertThatThrownBy(() -> once.reply(STAFF, "s-1", "Otra", T0, "key-1"))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).status()).isEqualTo(422));
        assertThat(once.reply(STAFF, "s-2", "Otra", T0, "key-1").messages()).hasSize(3);
        assertThat(once.reply(STAFF, "s-1", "Otra", T0, null).messages()).hasSize(3);
    }

    @Test
    void aSummaryCountsTheMessagesAndShowsTheLastOnesSideTimeAndFirstWords() {
        String emoji = "\uD83D\uDE00";
        Ticket ticket = Ticket.open("t-9", "c-1", "Asunto", "hola", null, null, T0)
                .reply(STAFF, "s-1", "a".repeat(139) + emoji + "tail", T0.plusSeconds(5), null);

        TicketSummary summary = TicketSummary.of(ticket);

        assertThat(summary.messageCount()).isEqualTo(2);
        assertThat(summary.lastMessageAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(summary.lastMessageAuthor()).isEqualTo(STAFF);
        // cut at 140 characters, never between the two halves of a surrogate pair
        assertThat(summary.lastMessagePreview()).isEqualTo("a".repeat(139) + "…");
        assertThat(TicketSummary.of(Ticket.open("t-8", "c-1", "Asunto", "corto", null, null, T0))
                .lastMessagePreview()).isEqualTo("corto");
        assertThat(TicketSummary.of(ticket.anonymised("erased-1", T0)).lastMessagePreview()).isEqualTo(Ticket.ERASED);
    }
}
