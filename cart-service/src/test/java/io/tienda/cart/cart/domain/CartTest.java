package io.tienda.cart.cart.domain;

import io.tienda.platform.problem.DomainException;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CartTest {

    private final CartId user = CartId.user("u1");
    private final CartId guest = CartId.guest(CartToken.issue(new SecureRandom()));

    @Test
    void addsToALineOrStartsOneAndOrdersLinesBySku() {
        Cart cart = Cart.empty(user, "EUR").add("B", 2).add("A", 3).add("B", 1);

        assertThat(cart.lines()).containsExactly(new CartLine("A", 3), new CartLine("B", 3));
        assertThat(cart.itemCount()).isEqualTo(6);
    }

    @Test
    void aLineHoldsOneToNinetyNineUnits() {
        Cart cart = Cart.empty(user, "EUR").add("A", 98);

        assertThat(cart.add("A", 1).quantityOf("A")).isEqualTo(99);
        assertThat(problem(() -> cart.add("A", 2)).type().toString()).endsWith("/cart-quantity-limit");
        assertThat(problem(() -> cart.add("B", 0)).status()).isEqualTo(400);
        assertThat(problem(() -> cart.add("B", 100)).status()).isEqualTo(400);
        assertThat(problem(() -> cart.add("B", -1)).status()).isEqualTo(400);
        assertThat(problem(() -> cart.changeQuantity("A", 0)).status()).isEqualTo(400);
    }

    @Test
    void aCartHoldsAtMostOneHundredLines() {
        Cart cart = Cart.empty(user, "EUR");
        for (int i = 0; i < CartLimits.MAX_LINES; i++) {
            cart = cart.add("SKU-" + i, 1);
        }
        Cart full = cart;

        assertThat(problem(() -> full.add("SKU-NEW", 1)).type().toString()).endsWith("/cart-line-limit");
        assertThat(full.add("SKU-7", 5).quantityOf("SKU-7")).as("more of a line already there").isEqualTo(6);
    }

    @Test
    void refusesWhatIsNotASku() {
        assertThat(problem(() -> Cart.empty(user, "EUR").add("has space", 1)).status()).isEqualTo(400);
        assertThat(problem(() -> Cart.empty(user, "EUR").add("-lead", 1)).status()).isEqualTo(400);
        assertThat(problem(() -> Cart.empty(user, "EUR").add("X".repeat(65), 1)).status()).isEqualTo(400);
    }

    @Test
    void changesOnlyLinesThatExistAndRemovingAMissingLineChangesNothing() {
        Cart cart = Cart.empty(user, "EUR").add("A", 1);

        assertThat(cart.changeQuantity("A", 7).quantityOf("A")).isEqualTo(7);
        assertThat(problem(() -> cart.changeQuantity("B", 1)).status()).isEqualTo(404);
        assertThat(cart.remove("B")).isEqualTo(cart);
        assertThat(cart.remove("A").isEmpty()).isTrue();
    }

    @Test
    void theContentsIdChangesWithTheLinesAndOnlyWithThem() {
        Cart cart = Cart.empty(user, "EUR").add("A", 1);
        String contents = cart.contentsId();

        assertThat(cart.withCoupon("verano-10").shipTo(new ShippingAddress("ES", "28013")).withoutCoupon()
                .storedAs(4).contentsId()).isEqualTo(contents);
        assertThat(cart.changeQuantity("A", 1).contentsId()).isEqualTo(contents);
        assertThat(cart.remove("B").contentsId()).isEqualTo(contents);
        assertThat(cart.add("A", 1).contentsId()).isNotEqualTo(contents);
        assertThat(cart.changeQuantity("A", 2).changeQuantity("A", 1).contentsId()).isNotEqualTo(contents);
        assertThat(cart.remove("A").contentsId()).isNotEqualTo(contents);
        assertThat(cart.clear().contentsId()).isNotEqualTo(contents);
        assertThat(Cart.empty(user, "EUR").add("A", 1).contentsId()).as("the same goods in a new cart")
                .isNotEqualTo(contents);
    }

    @Test
    void clearingDropsLinesAndCouponButKeepsTheDestination() {
        ShippingAddress madrid = new ShippingAddress("es", "28013");
        Cart cart = Cart.empty(user, "EUR").add("A", 1).withCoupon("verano-10").shipTo(madrid);

        assertThat(cart.couponCode()).isEqualTo("VERANO-10");
        Cart cleared = cart.clear();
        assertThat(cleared.isEmpty()).isTrue();
        assertThat(cleared.couponCode()).isNull();
        assertThat(cleared.shippingAddress()).isEqualTo(new ShippingAddress("ES", "28013"));
    }

    @Test
    void mergingSumsQuantitiesCapsEachLineAndRemembersTheGuestCart() {
        Cart mine = Cart.empty(user, "EUR").add("A", 60).add("B", 1);
        Cart theirs = Cart.empty(guest, "EUR").add("A", 50).add("C", 2).withCoupon("HOLA-5");

        Cart merged = mine.absorb(theirs);

        assertThat(merged.lines()).containsExactly(new CartLine("A", 99), new CartLine("B", 1), new CartLine("C", 2));
        assertThat(merged.couponCode()).as("the guest's coupon fills in").isEqualTo("HOLA-5");
        assertThat(merged.absorbed()).containsExactly(guest.value());
        assertThat(merged.absorb(theirs)).as("merging the same guest cart again").isEqualTo(merged);
    }

    @Test
    void mergingKeepsTheShoppersOwnCouponAndStopsAtOneHundredLines() {
        Cart mine = Cart.empty(user, "EUR").withCoupon("MIO-10");
        for (int i = 0; i < 99; i++) {
            mine = mine.add("M-" + i, 1);
        }
        Cart theirs = Cart.empty(guest, "EUR").add("G-1", 1).add("G-2", 1).withCoupon("HOLA-5");

        Cart merged = mine.absorb(theirs);

        assertThat(merged.lines()).hasSize(CartLimits.MAX_LINES);
        assertThat(merged.contains("G-1")).isTrue();
        assertThat(merged.contains("G-2")).isFalse();
        assertThat(merged.couponCode()).isEqualTo("MIO-10");
    }

    @Test
    void aMergedGuestCartTakesNoMoreChanges() {
        Cart merged = new Cart(guest, List.of(new CartLine("A", 1)), Cart.newContentsId(), "EUR", null, null, Set.of(), "u1", 3);

        assertThat(problem(() -> merged.add("B", 1)).type().toString()).endsWith("/cart-merged");
        assertThat(problem(merged::clear).status()).isEqualTo(409);
    }

    @Test
    void onlyAGuestCartMergesAndOnlyIntoAUsersCart() {
        Cart mine = Cart.empty(user, "EUR");
        assertThatThrownBy(() -> mine.absorb(Cart.empty(CartId.user("u2"), "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lineChangesSayWhatWasAddedAndRemoved() {
        Cart before = Cart.empty(user, "EUR").add("A", 2).add("B", 1);
        Cart after = before.add("A", 3).remove("B").add("C", 1);

        assertThat(LineChange.between(before, after)).containsExactly(
                new LineChange("A", 2, 5), new LineChange("B", 1, 0), new LineChange("C", 0, 1));
    }

    @Test
    void cartTokensAreUnguessableAndOnlyTheirHashIsTheCartId() {
        List<String> tokens = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 100; i++) {
            tokens.add(CartToken.issue(random).value());
        }
        assertThat(tokens).doesNotHaveDuplicates().allMatch(t -> t.matches("[A-Za-z0-9_-]{43}"));
        CartToken token = CartToken.parse(tokens.get(0));
        assertThat(CartId.guest(token).value()).startsWith("g:").doesNotContain(token.value());
        assertThat(CartId.guest(token)).isEqualTo(CartId.guest(CartToken.parse(tokens.get(0))));
        assertThat(problem(() -> CartToken.parse("short")).status()).isEqualTo(400);
        assertThat(problem(() -> CartToken.parse(tokens.get(0) + "x")).status()).isEqualTo(400);
    }

    @Test
    void anAddressNeedsACountryCodeAndAPostcode() {
        assertThat(problem(() -> new ShippingAddress("Spain", "28013")).status()).isEqualTo(400);
        assertThat(problem(() -> new ShippingAddress("ES", "")).status()).isEqualTo(400);
        assertThat(new ShippingAddress(" pt ", "1000-001").country()).isEqualTo("PT");
    }

    private static DomainException problem(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }
}
