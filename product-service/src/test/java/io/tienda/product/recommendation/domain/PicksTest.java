package io.tienda.product.recommendation.domain;

import io.tienda.platform.events.Money;
import io.tienda.product.brand.domain.BrandRef;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.StockState;
import io.tienda.product.catalog.domain.Variant;
import io.tienda.product.recommendation.domain.Recommendation.Reason;
import io.tienda.product.shared.domain.LocalizedText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PicksTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Product product(String id, boolean active, int available) {
        return new Product(id, "slug-" + id, LocalizedText.of("Café " + id, "Coffee " + id), null, "cat-1",
                new BrandRef("b-1", "cafetal", "Cafetal"), Money.of(1_000, "EUR"), null, List.of(),
                List.of(new Variant(id + "-SKU", Map.of(), null, null, new StockState(available, 1))),
                active, false, null, null, NOW, NOW, 1);
    }

    private static List<String> ids(Picks picks) {
        return picks.list().stream().map(recommendation -> recommendation.product().id()).toList();
    }

    @Test
    void takesOnlyProductsAShopperCanBuyNowAndNeverTheProductItself() {
        Picks picks = new Picks("p", 5).add(List.of(product("p", true, 3), product("off-sale", false, 3),
                product("sold-out", true, 0), product("a", true, 1)), Reason.BOUGHT_TOGETHER);

        assertThat(ids(picks)).containsExactly("a");
        assertThat(picks.full()).isFalse();
    }

    @Test
    void keepsTheFirstReasonOfAProductTwoSourcesOfferAndTheirOrder() {
        Picks picks = new Picks("p", 5)
                .add(List.of(product("b", true, 1), product("a", true, 1)), Reason.BOUGHT_TOGETHER)
                .add(List.of(product("a", true, 1), product("c", true, 1)), Reason.SAME_CATEGORY);

        assertThat(ids(picks)).containsExactly("b", "a", "c");
        assertThat(picks.list()).extracting(Recommendation::reason)
                .containsExactly(Reason.BOUGHT_TOGETHER, Reason.BOUGHT_TOGETHER, Reason.SAME_CATEGORY);
    }

    @Test
    void stopsAtTheLimitAndAsksEachSourceForRoomForWhatItMayRepeat() {
        Picks picks = new Picks("p", 2);
        assertThat(picks.wanted()).isEqualTo(3);

        picks.add(List.of(product("a", true, 1), product("b", true, 1), product("c", true, 1)), Reason.SAME_BRAND);

        assertThat(ids(picks)).containsExactly("a", "b");
        assertThat(picks.full()).isTrue();
        assertThat(ids(picks.add(List.of(product("d", true, 1)), Reason.SAME_CATEGORY))).containsExactly("a", "b");
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> new Picks("p", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
