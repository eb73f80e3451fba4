package io.tienda.returns.requests.domain;

import io.tienda.returns.orders.domain.DeliveredOrder;
import io.tienda.returns.orders.domain.OrderedLine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReturnPolicyTest {

    private static final Instant DELIVERED = Instant.parse("2026-11-01T10:00:00Z");
    private static final ReturnPolicy POLICY = new ReturnPolicy(Duration.ofDays(30));
    private static final DeliveredOrder ORDER = new DeliveredOrder(UUID.randomUUID(), "TND-2026-000007", "c-1", "EUR",
            // three T-shirts at 1500 with 500 off the line (an offer, a share of the coupon): 4000 paid
            DELIVERED, List.of(new OrderedLine("TSHIRT-RED-M", "p-shirt", "Camiseta", 3, 1500, 4000),
            new OrderedLine("MUG-1", "p-mug", "Taza", 1, 900, 900)));

    private static Optional<String> catalog(String sku) {
        return Map.of("TSHIRT-RED-L", "p-shirt", "PLATE-1", "p-plate").entrySet().stream()
                .filter(e -> e.getKey().equals(sku)).map(Map.Entry::getValue).findFirst();
    }

    private static ReturnDraft draft(ReturnResolution resolution, ReturnDraft.Line... lines) {
        return new ReturnDraft(ORDER.orderId(), resolution, List.of(lines));
    }

    private static ReturnDraft.Line line(String sku, int quantity, String exchangeSku) {
        return new ReturnDraft.Line(sku, quantity, ReturnReason.SIZE_OR_FIT, null, exchangeSku);
    }

    private List<ReturnLine> check(ReturnDraft draft, Map<String, Integer> already, Instant now) {
        return POLICY.check(draft, ORDER, already, ReturnPolicyTest::catalog, now);
    }

    @Test
    void linesArePricedAsBoughtAndAnExchangeDefaultsToTheSameSku() {
        List<ReturnLine> lines = check(draft(ReturnResolution.EXCHANGE, line("TSHIRT-RED-M", 2, "TSHIRT-RED-L"),
                line("MUG-1", 1, null)), Map.of(), DELIVERED.plus(Duration.ofDays(30)));

        assertThat(lines).extracting(ReturnLine::lineNo, ReturnLine::sku, ReturnLine::unitPrice, ReturnLine::exchangeSku)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "TSHIRT-RED-M", 1500L, "TSHIRT-RED-L"),
                        org.assertj.core.groups.Tuple.tuple(2, "MUG-1", 900L, "MUG-1"));
    }

    /**
     * A line is worth what was paid for its units, not their catalog price; units returned one return
     * at a time give back, together, exactly what the order line cost.
     */
    @Test
    void eachReturnGivesBackItsShareOfWhatWasPaidAndTogetherTheyGiveBackAllOfIt() {
        List<Long> shares = new java.util.ArrayList<>();
        for (int already = 0; already < 3; already++) {
            ReturnLine line = check(draft(ReturnResolution.REFUND, line("TSHIRT-RED-M", 1, null)),
                    Map.of("TSHIRT-RED-M", already), DELIVERED).get(0);
            assertThat(line.unitPrice()).isEqualTo(1500);
            shares.add(line.paid());
        }
        assertThat(shares).containsExactly(1333L, 1333L, 1334L);

        ReturnLine all = check(draft(ReturnResolution.REFUND, line("TSHIRT-RED-M", 3, null)), Map.of(), DELIVERED)
                .get(0);
        assertThat(all.paid()).isEqualTo(4000);
        ReturnLine twoAfterOne = check(draft(ReturnResolution.REFUND, line("TSHIRT-RED-M", 2, null)),
                Map.of("TSHIRT-RED-M", 1), DELIVERED).get(0);
        assertThat(twoAfterOne.paid()).isEqualTo(4000 - 1333);
    }

    @Test
    void aRefundGivesBackTheAcceptedUnitsShareOfWhatWasPaid() {
        ReturnLine two = check(draft(ReturnResolution.REFUND, line("TSHIRT-RED-M", 2, null)), Map.of(), DELIVERED)
                .get(0);
        assertThat(two.paid()).isEqualTo(2666);

        assertThat(two.inspected(2, true).acceptedValue()).isEqualTo(2666);
        assertThat(two.inspected(1, true).acceptedValue()).isEqualTo(1333);
        assertThat(two.inspected(0, false).acceptedValue()).isZero();
        ReturnLine recordedBefore = new ReturnLine(1, "TSHIRT-RED-M", null, null, 2, 1500L, null, null, null, null,
                null, null).inspected(1, true);
        assertThat(recordedBefore.acceptedValue()).as("the catalog price, the only figure kept then").isEqualTo(1500);
    }

    @Test
    void theWindowClosesAfterItsLength() {
        assertThatThrownBy(() -> check(draft(ReturnResolution.REFUND, line("MUG-1", 1, null)), Map.of(),
                DELIVERED.plus(Duration.ofDays(30)).plusSeconds(1)))
                .isInstanceOf(ReturnWindowClosedException.class);
    }

    @Test
    void quantitiesCountUnitsAlreadyInOtherReturns() {
        assertThat(check(draft(ReturnResolution.REFUND, line("TSHIRT-RED-M", 1, null)), Map.of("TSHIRT-RED-M", 2),
                DELIVERED)).hasSize(1);
        assertThatThrownBy(() -> check(draft(ReturnResolution.REFUND, line("TSHIRT-RED-M", 2, null)),
                Map.of("TSHIRT-RED-M", 2), DELIVERED))
                .isInstanceOf(InvalidReturnException.class).hasMessageContaining("lines[TSHIRT-RED-M].quantity");
        assertThatThrownBy(() -> check(draft(ReturnResolution.REFUND, line("MUG-1", 0, null)), Map.of(), DELIVERED))
                .isInstanceOf(InvalidReturnException.class).hasMessageContaining("lines[MUG-1].quantity");
    }

    @Test
    void refusesUnknownAndRepeatedSkusAndForeignExchanges() {
        assertThatThrownBy(() -> check(draft(ReturnResolution.REFUND, line("PLATE-1", 1, null)), Map.of(), DELIVERED))
                .isInstanceOf(InvalidReturnException.class).hasMessageContaining("lines[PLATE-1].sku");
        assertThatThrownBy(() -> check(draft(ReturnResolution.REFUND, line("MUG-1", 1, null), line("MUG-1", 1, null)),
                Map.of(), DELIVERED)).isInstanceOf(InvalidReturnException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> check(draft(ReturnResolution.EXCHANGE, line("MUG-1", 1, "PLATE-1")), Map.of(),
                DELIVERED)).isInstanceOf(InvalidReturnException.class).hasMessageContaining("exchangeSku");
        assertThatThrownBy(() -> check(draft(ReturnResolution.EXCHANGE, line("MUG-1", 1, "NOBODY-KNOWS")), Map.of(),
                DELIVERED)).isInstanceOf(InvalidReturnException.class).hasMessageContaining("exchangeSku");
        assertThatThrownBy(() -> check(draft(ReturnResolution.REFUND, line("MUG-1", 1, "MUG-1")), Map.of(),
                DELIVERED)).isInstanceOf(InvalidReturnException.class).hasMessageContaining("exchangeSku");
    }
}
