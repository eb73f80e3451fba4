package io.tienda.returns.requests.domain;

import io.tienda.returns.orders.domain.CatalogVariant;
import io.tienda.returns.orders.domain.DeliveredOrder;
import io.tienda.returns.orders.domain.OrderedLine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReturnPolicyTest {

    private static final Instant DELIVERED = Instant.parse("2026-11-01T10:00:00Z");
    private static final ReturnPolicy POLICY = new ReturnPolicy(Duration.ofDays(30));
    private static final DeliveredOrder ORDER = new DeliveredOrder(UUID.randomUUID(), "TND-2026-000007", "c-1", "EUR",
            // three T-shirts at 1500 with 500 off the line (an offer, a share of the coupon): 4000 paid
            DELIVERED, List.of(new OrderedLine("TSHIRT-RED-M", "p-shirt", "Camiseta", 3, 1500, 4000),
            new OrderedLine("MUG-1", "p-mug", "Taza", 1, 900, 900)));

    /** The L at the M's price, the XL dearer, the S sold in dollars, the XS of unknown price. */
    private static final Map<String, CatalogVariant> CATALOG = Map.of(
            "TSHIRT-RED-L", new CatalogVariant("TSHIRT-RED-L", "p-shirt", 1500L, "EUR"),
            "TSHIRT-RED-XL", new CatalogVariant("TSHIRT-RED-XL", "p-shirt", 1501L, "EUR"),
            "TSHIRT-RED-S", new CatalogVariant("TSHIRT-RED-S", "p-shirt", 1400L, "USD"),
            "TSHIRT-RED-XS", new CatalogVariant("TSHIRT-RED-XS", "p-shirt", null, null),
            "PLATE-1", new CatalogVariant("PLATE-1", "p-plate", 900L, "EUR"));

    private static Optional<CatalogVariant> catalog(String sku) {
        return Optional.ofNullable(CATALOG.get(sku));
    }

    private static ReturnDraft draft(ReturnResolution resolution, ReturnDraft.Line... lines) {
        return new ReturnDraft(ORDER.orderId(), resolution, List.of(lines));
    }

    private static ReturnDraft.Line line(String sku, int quantity, String exchangeSku) {
        return new ReturnDraft.Line(sku, quantity, ReturnReason.SIZE_OR_FIT, null, exchangeSku);
    }

    /** {@code already} units per SKU in other returns, each priced as its share when it was created. */
    private List<ReturnLine> check(ReturnDraft draft, Map<String, Integer> already, Instant now) {
        Map<String, HeldUnits> held = new HashMap<>();
        already.forEach((sku, units) -> held.put(sku,
                new HeldUnits(units, ORDER.line(sku).orElseThrow().paidFor(units))));
        return POLICY.check(draft, ORDER, held, ReturnPolicyTest::catalog, now);
    }

    /** One refund line of {@code units} mugs, checked against {@code order} while {@code held} stand. */
    private static ReturnLine mugs(DeliveredOrder order, int units, HeldUnits held) {
        return POLICY.check(new ReturnDraft(order.orderId(), ReturnResolution.REFUND, List.of(line("MUG-1", units,
                null))), order, held == null ? Map.of() : Map.of("MUG-1", held), ReturnPolicyTest::catalog,
                DELIVERED).get(0);
    }

    private static DeliveredOrder mugOrder(long unitPrice, long paid) {
        return new DeliveredOrder(UUID.randomUUID(), "TND-2026-000008", "c-1", "EUR", DELIVERED,
                List.of(new OrderedLine("MUG-1", "p-mug", "Taza", 3, unitPrice, paid)));
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

    /**
     * A return withdrawn or rejected gives its units back while the returns that stand keep the shares they
     * were priced at: the next one still leaves the line's returns giving back exactly what it cost, never
     * more, which payment-service would refuse for ever.
     */
    @Test
    void aWithdrawnReturnLeavesTheOthersGivingBackNoMoreThanTheLineCost() {
        DeliveredOrder order = mugOrder(1500, 4001);
        long a = mugs(order, 1, null).paid();
        long b = mugs(order, 1, new HeldUnits(1, a)).paid();
        assertThat(List.of(a, b)).containsExactly(1333L, 1334L);

        // a withdrawn: b holds one unit priced 1334, and c's two units are the line's last
        long c = mugs(order, 2, new HeldUnits(1, b)).paid();
        assertThat(b + c).isEqualTo(4001);
        // one of them only: its share
        assertThat(mugs(order, 1, new HeldUnits(1, b)).paid()).isEqualTo(1334);

        // units that are not the last get no more than the other returns left of the line's total: here one
        // kept before shares were, counted at its catalog price, already holds all that was paid
        DeliveredOrder twoThirdsOff = mugOrder(1500, 1500);
        assertThat(mugs(twoThirdsOff, 1, new HeldUnits(1, 1500)).paid()).isZero();
        assertThat(mugs(twoThirdsOff, 2, new HeldUnits(1, 1500)).paid()).isZero();
    }

    /**
     * The replacement of an exchange ships free: another variant only when the catalog sells it for no more
     * than the one bought, and its price is known in the order's currency.
     */
    @Test
    void anExchangeMayAskForAnotherVariantNoDearerThanTheOneBought() {
        assertThat(check(draft(ReturnResolution.EXCHANGE, line("TSHIRT-RED-M", 1, "TSHIRT-RED-L")), Map.of(),
                DELIVERED).get(0).exchangeSku()).as("at the same price").isEqualTo("TSHIRT-RED-L");
        assertThat(check(draft(ReturnResolution.EXCHANGE, line("TSHIRT-RED-M", 1, null)), Map.of(), DELIVERED)
                .get(0).exchangeSku()).as("the same SKU needs no price").isEqualTo("TSHIRT-RED-M");

        assertThatThrownBy(() -> check(draft(ReturnResolution.EXCHANGE, line("TSHIRT-RED-M", 1, "TSHIRT-RED-XL")),
                Map.of(), DELIVERED)).isInstanceOf(InvalidReturnException.class)
                .hasMessageContaining("lines[TSHIRT-RED-M].exchangeSku").hasMessageContaining("1501 EUR");
        for (String unknown : List.of("TSHIRT-RED-XS", "TSHIRT-RED-S")) {
            assertThatThrownBy(() -> check(draft(ReturnResolution.EXCHANGE, line("TSHIRT-RED-M", 1, unknown)),
                    Map.of(), DELIVERED)).as(unknown).isInstanceOf(InvalidReturnException.class)
                    .hasMessageContaining("lines[TSHIRT-RED-M].exchangeSku").hasMessageContaining("not known");
        }
    }

    /**
     * A SKU the catalog no longer sells is never sent as a replacement, not even the one bought; a refund of it
     * stays possible.
     */
    @Test
    void anExchangeNeverAsksForASkuTheCatalogNoLongerSells() {
        Function<String, Optional<CatalogVariant>> withdrawn = sku -> Optional.of(
                new CatalogVariant(sku, "p-shirt", 1500L, "EUR", true));
        for (String wanted : java.util.Arrays.asList("TSHIRT-RED-L", "TSHIRT-RED-M", null)) {
            assertThatThrownBy(() -> POLICY.check(draft(ReturnResolution.EXCHANGE, line("TSHIRT-RED-M", 1, wanted)),
                    ORDER, Map.of(), withdrawn, DELIVERED)).as(String.valueOf(wanted))
                    .isInstanceOf(InvalidReturnException.class)
                    .hasMessageContaining("lines[TSHIRT-RED-M].exchangeSku").hasMessageContaining("no longer sold");
        }
        assertThat(POLICY.check(draft(ReturnResolution.REFUND, line("TSHIRT-RED-M", 1, null)), ORDER, Map.of(),
                withdrawn, DELIVERED)).hasSize(1);
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
