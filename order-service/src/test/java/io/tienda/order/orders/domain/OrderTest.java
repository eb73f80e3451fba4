package io.tienda.order.orders.domain;

import io.tienda.platform.problem.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

    @Test
    void totalsMustAddUp() {
        OrderTotals totals = new OrderTotals("EUR", 10_000, 1_000, 499, 1_890, 11_389);

        assertThat(totals.total()).isEqualTo(10_000 - 1_000 + 499 + 1_890);
        assertThatIllegalArgumentException().isThrownBy(() -> new OrderTotals("EUR", 10_000, 0, 0, 0, 9_999));
    }

    @Test
    void taxIncludedInThePricesIsNotAddedAgain() {
        OrderTotals totals = new OrderTotals("EUR", 12_100, 0, 0, 2_100, true, 12_100);

        assertThat(totals.total()).isEqualTo(12_100);
        assertThatIllegalArgumentException().isThrownBy(() -> new OrderTotals("EUR", 12_100, 0, 0, 2_100, true, 14_200));
    }

    @Test
    void aLineTotalIsTheUnitsLessTheirDiscount() {
        assertThat(new OrderLine(1, "SKU-1", "p-1", "Mug", 3, 1_000, 500, 2_500).lineTotal()).isEqualTo(2_500);
        assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine(1, "SKU-1", "p-1", "Mug", 3, 1_000, 0, 2_500));
        assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine(1, "SKU-1", "p-1", "Mug", 0, 1_000, 0, 0));
    }

    @Test
    void anAddressNeedsItsFieldsAndACountryCode() {
        ShippingAddress address = new ShippingAddress(" Ana ", "Calle Mayor 1", null, "Madrid", "28013", "es");
        assertThat(address.name()).isEqualTo("Ana");
        assertThat(address.country()).isEqualTo("ES");
        assertThatThrownBy(() -> new ShippingAddress("", "Calle Mayor 1", null, "Madrid", "28013", "Spain"))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).status()).isEqualTo(400));
    }

    @Test
    void anAddressIsPlainTextOnEveryLine() {
        for (String bad : List.of("Ana\nGarcía", "Ana\r\n", "Ana\u2028", "Ana\u2029", "Ana\u0085", "\u0001",
                "Ana\u007f")) {
            assertThatThrownBy(() -> new ShippingAddress(bad, "Calle Mayor 1", null, "Madrid", "28013", "ES"))
                    .as(bad).isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).status()).isEqualTo(400))
                    .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
            assertThatThrownBy(() -> new ShippingAddress("Ana", "Calle Mayor 1", bad, "Madrid", "28013", "ES"))
                    .as(bad).isInstanceOf(DomainException.class);
        }
        // what migration V5 leaves in a stored address reads back
        assertThat(new ShippingAddress("Ana  Bcc: x", " Calle Mayor 1 Piso 3", null, "?", "28013", "ES").city())
                .isEqualTo("?");
        assertThat(new ShippingAddress("Ana\u00a0García", "Calle Mayor 1", null, "Madrid", "28013", "ES").name())
                .isEqualTo("Ana\u00a0García");
    }

    @Test
    void aPlacedOrderIsPendingWithItsFirstHistoryRow() {
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        Order order = Order.place(UUID.randomUUID(), "c-1", new OrderTotals("EUR", 1_000, 0, 0, 0, 1_000),
                List.of(new OrderLine(1, "SKU-1", "p-1", "Mug", 1, 1_000, 0, 1_000)), null, "pm_card_visa", null,
                null, "key-1", "hash", now);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.history()).containsExactly(
                new StatusChange(1, null, OrderStatus.PENDING, now, "c-1", "placed"));
    }

    @Test
    void theItemCountIsTheUnitsAcrossAllLines() {
        Order order = Order.place(UUID.randomUUID(), "c-1", new OrderTotals("EUR", 2_199, 0, 0, 0, 2_199),
                List.of(new OrderLine(1, "SKU-1", "p-1", "Mug", 2, 1_000, 0, 2_000),
                        new OrderLine(2, "SKU-2", "p-2", "Pen", 1, 199, 0, 199)),
                null, "pm_card_visa", "u:c-1", null, "key-1", "hash", Instant.now());

        assertThat(order.itemCount()).isEqualTo(3);
        assertThat(order.withLines(List.of()).itemCount()).isZero();
    }

    @Test
    void theCartContentsAreItsGoodsWhateverTheirPricesAndOrder() {
        Order order = fromCart("u:c-1", new OrderLine(1, "SKU-1", "p-1", "Mug", 2, 1_000, 0, 2_000),
                new OrderLine(2, "SKU-2", "p-2", "Pen", 1, 199, 0, 199));
        Order samePurchase = fromCart("u:c-1", new OrderLine(1, "SKU-2", "p-2", "Pen", 1, 149, 0, 149),
                new OrderLine(2, "SKU-1", "p-1", "Mug", 2, 1_000, 500, 1_500));

        assertThat(order.cartContents()).matches("[0-9a-f]{64}").isEqualTo(samePurchase.cartContents());
        assertThat(fromCart("u:c-1", new OrderLine(1, "SKU-1", "p-1", "Mug", 1, 1_000, 0, 1_000),
                new OrderLine(2, "SKU-2", "p-2", "Pen", 1, 199, 0, 199)).cartContents())
                .as("another quantity").isNotEqualTo(order.cartContents());
        assertThat(fromCart("u:c-1", new OrderLine(1, "SKU-1", "p-1", "Mug", 2, 1_000, 0, 2_000)).cartContents())
                .as("a line fewer").isNotEqualTo(order.cartContents());
        assertThat(fromCart(null, new OrderLine(1, "SKU-1", "p-1", "Mug", 2, 0, 0, 0)).cartContents())
                .as("a replacement came from no cart").isNull();
    }

    private static Order fromCart(String cartId, OrderLine... lines) {
        long total = List.of(lines).stream().mapToLong(OrderLine::lineTotal).sum();
        return Order.place(UUID.randomUUID(), "c-1", new OrderTotals("EUR", total, 0, 0, 0, total), List.of(lines),
                null, "pm_card_visa", cartId, null, "key-1", "hash", Instant.now());
    }

    @Test
    void anErasedAddressKeepsOnlyWhatTheBooksNeed() {
        ShippingAddress address = new ShippingAddress("Ana García", "Calle Mayor 1", "3º B", "Madrid", "28013", "ES");
        Order order = Order.place(UUID.randomUUID(), "c-1", new OrderTotals("EUR", 1_000, 0, 0, 0, 1_000),
                List.of(new OrderLine(1, "SKU-1", "p-1", "Mug", 1, 1_000, 0, 1_000)), address, "pm_card_visa", null,
                null, "key-1", "hash of the address", Instant.now());

        Order erased = order.withAddressErased();

        assertThat(erased.shippingAddress()).isEqualTo(new ShippingAddress("erased", "erased", null, "erased", "28013",
                "ES"));
        assertThat(erased.shippingAddress().isErased()).isTrue();
        assertThat(address.isErased()).isFalse();
        assertThat(erased.requestHash()).isNull();
        assertThat(erased.totals()).isEqualTo(order.totals());
        assertThat(erased.lines()).isEqualTo(order.lines());
        assertThat(erased.customerId()).isEqualTo("c-1");
    }

    @Test
    void anErasedCustomersOwnWordsGoWhileWhatTheServiceAndStaffWroteStays() {
        Instant now = Instant.now();
        Order placed = Order.place(UUID.randomUUID(), "c-1", new OrderTotals("EUR", 1_000, 0, 0, 0, 1_000),
                List.of(new OrderLine(1, "SKU-1", "p-1", "Mug", 1, 1_000, 0, 1_000)), null, "pm_card_visa", null,
                null, "key-1", "hash", now);

        assertThat(placed.cancel(now, "c-1", "moving to Lisbon").withCustomerTextErased().history())
                .extracting(StatusChange::reason).containsExactly("placed", "erased");
        assertThat(placed.cancel(now, "c-1", "cancelled by customer").withCustomerTextErased().history())
                .extracting(StatusChange::reason).containsExactly("placed", "cancelled by customer");
        assertThat(placed.cancel(now, "staff-support", "duplicate, ticket 4411").withCustomerTextErased().history())
                .extracting(StatusChange::reason).containsExactly("placed", "duplicate, ticket 4411");
        assertThat(placed.cancel(now, StatusChange.SAGA, "payment-failed: card_declined").withCustomerTextErased()
                .history()).extracting(StatusChange::reason).containsExactly("placed", "payment-failed: card_declined");
    }
}
