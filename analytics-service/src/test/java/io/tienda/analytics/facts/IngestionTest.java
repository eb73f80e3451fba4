package io.tienda.analytics.facts;

import io.tienda.analytics.Fixtures;
import io.tienda.analytics.facts.domain.Facts;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.messaging.PoisonMessageException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What events become: a confirmed order's lines keep the catalog unit price beside what the shopper
 * paid; refunds and their failures keep the refund's id; an erasure names its customer.
 */
class IngestionTest {

    private final Ingestion ingestion = new Ingestion(null);

    @Test
    void aLineKeepsItsUnitPriceAndWhatWasPaidForIt() {
        List<Facts.OrderLine> lines = lines(List.of(Fixtures.line("S1", "P1", 2, 1000, 1500, "EUR"),
                Fixtures.line("S2", "P2", 3, 400, "EUR")));
        assertThat(lines).extracting(Facts.OrderLine::unitPrice, Facts.OrderLine::lineTotal)
                .containsExactly(tuple(1000L, 1500L), tuple(400L, 1200L));
    }

    @Test
    void aLinePublishedBeforeLineTotalsCostsItsUnitsAtTheCatalogPrice() {
        List<Facts.OrderLine> lines = lines(List.of(Fixtures.lineWithoutTotal("S1", "P1", 3, 700, "EUR")));
        assertThat(lines.get(0).lineTotal()).isEqualTo(2100);
        assertThat(lines.get(0).unitPrice()).isEqualTo(700);
    }

    @Test
    void aLinePaidInAnotherCurrencyThanItsPriceIsUnreadable() {
        OrderLine odd = new OrderLine("S1", "P1", "One", 1, Money.of(1000, "EUR"), Money.of(900, "USD"));
        UUID order = UUID.randomUUID();
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        Fixtures.Event event = new Fixtures.Event(Topics.ORDER_EVENTS, order.toString(), UUID.randomUUID(), at,
                new OrderConfirmed(order, "c", "k", List.of(odd), Money.of(1000, "EUR"), at));
        assertThatThrownBy(() -> ingestion.factsOf(event.message())).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("USD");
    }

    /** A replacement ships goods its original order paid for: neither its placing nor its confirmation is a fact. */
    @Test
    void aReplacementOrderIsNoSale() {
        UUID sale = UUID.randomUUID();
        UUID replacement = UUID.randomUUID();
        List<OrderLine> lines = List.of(Fixtures.line("S1", "P1", 1, 0, "EUR"));

        assertThat(ingestion.factsOf(Fixtures.replacementPlaced(replacement, sale, "c", "2030-01-05T00:00:00Z",
                lines).message())).isEmpty();
        assertThat(ingestion.factsOf(Fixtures.replacementConfirmed(replacement, sale, "c", "2030-01-05T00:00:00Z",
                lines).message())).isEmpty();
        assertThat(ingestion.factsOf(Fixtures.confirmed(sale, "c", "k", "2030-01-01T00:00:00Z",
                List.of(Fixtures.line("S1", "P1", 1, 1000, "EUR"))).message()))
                .as("the sale it replaces").hasSize(2);
    }

    @Test
    void refundsAndRefundFailuresKeepTheRefundId() {
        UUID order = UUID.randomUUID();
        assertThat(payment(Fixtures.refunded(order, "re-1", 700, "EUR", "2030-01-01T00:00:00Z")))
                .extracting(Facts.Payment::type, Facts.Payment::refundId, Facts.Payment::amount)
                .containsExactly("payment.refunded", "re-1", 700L);
        assertThat(payment(Fixtures.refundFailed(order, "re-1", 700, "EUR", "2030-01-02T00:00:00Z")))
                .extracting(Facts.Payment::type, Facts.Payment::orderId, Facts.Payment::refundId,
                        Facts.Payment::amount, Facts.Payment::currency)
                .containsExactly("payment.refund_failed", order, "re-1", 700L, "EUR");
        // a refund that failed before it could be recorded has no id: it can cancel nothing
        assertThat(payment(Fixtures.refundFailed(order, null, 700, "EUR", "2030-01-02T00:00:00Z")))
                .extracting(Facts.Payment::refundId, Facts.Payment::paymentId).containsExactly("", "");
    }

    @Test
    void aRefundStaffSettledIsARefundWithoutIds() {
        UUID order = UUID.randomUUID();
        assertThat(payment(Fixtures.refundSettled(order, 2_450, "EUR", "2030-01-03T00:00:00Z")))
                .extracting(Facts.Payment::type, Facts.Payment::orderId, Facts.Payment::paymentId,
                        Facts.Payment::refundId, Facts.Payment::amount, Facts.Payment::currency,
                        Facts.Payment::occurredAt)
                .containsExactly("order.refund_settled", order, "", "", 2_450L, "EUR",
                        Instant.parse("2030-01-03T00:00:00Z"));
    }

    @Test
    void aReturnsRefundStaffSettledIsARefundOfItsOrderWithoutIds() {
        UUID order = UUID.randomUUID();
        assertThat(payment(Fixtures.returnRefundSettled(order, UUID.randomUUID(), 1_250, "EUR",
                "2030-01-04T00:00:00Z")))
                .extracting(Facts.Payment::type, Facts.Payment::orderId, Facts.Payment::paymentId,
                        Facts.Payment::refundId, Facts.Payment::amount, Facts.Payment::currency,
                        Facts.Payment::occurredAt)
                .containsExactly("returns.refund_settled", order, "", "", 1_250L, "EUR",
                        Instant.parse("2030-01-04T00:00:00Z"));
    }

    /** An erasure names the customer whose id the reports must no longer show; without one it is unreadable. */
    @Test
    void anErasureNamesTheErasedCustomer() {
        UUID user = UUID.randomUUID();
        assertThat(ingestion.factsOf(Fixtures.erased(user, "2030-01-05T00:00:00Z").message()))
                .extracting(f -> ((Facts.Erasure) f).customerId(), Facts.Fact::occurredAt)
                .containsExactly(tuple(user.toString(), Instant.parse("2030-01-05T00:00:00Z")));
        Fixtures.Event anonymous = new Fixtures.Event(Topics.USER_EVENTS, "u", UUID.randomUUID(),
                Instant.parse("2030-01-05T00:00:00Z"), new UserErased(null, null));
        assertThatThrownBy(() -> ingestion.factsOf(anonymous.message())).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("no user id");
    }

    private Facts.Payment payment(Fixtures.Event event) {
        List<Facts.Fact> facts = ingestion.factsOf(event.message());
        assertThat(facts).hasSize(1);
        return (Facts.Payment) facts.get(0);
    }

    private List<Facts.OrderLine> lines(List<OrderLine> lines) {
        Fixtures.Event event = Fixtures.confirmed(UUID.randomUUID(), "c", "k", "2030-01-01T00:00:00Z", lines);
        return ingestion.factsOf(event.message()).stream()
                .filter(Facts.OrderLine.class::isInstance).map(Facts.OrderLine.class::cast).toList();
    }
}
