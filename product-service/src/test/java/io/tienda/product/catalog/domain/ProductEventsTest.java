package io.tienda.product.catalog.domain;

import io.tienda.platform.events.ContractValidator;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.product.PriceChange;
import io.tienda.platform.events.product.ProductPriceChanged;
import io.tienda.platform.events.product.ProductUpdated;
import io.tienda.platform.events.product.SkuPrice;
import io.tienda.product.brand.domain.BrandRef;
import io.tienda.product.shared.domain.LocalizedText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProductEventsTest {

    private static final ContractValidator CONTRACTS = new ContractValidator();
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void aReplacementAnnouncesPriceChangesOnlyForSkusThatStay() {
        Product before = product(1000, variant("A", null), variant("B", 1500), variant("C", null));
        Product after = product(1200, variant("A", null), variant("B", 1500), variant("D", null));

        List<Object> events = ProductEvents.replaced(before, after);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(ProductUpdated.class);
        assertThat(((ProductUpdated) events.get(0)).skus()).containsExactly("A", "B", "D");
        assertThat(((ProductPriceChanged) events.get(1)).changes())
                .containsExactly(new PriceChange("A", Money.of(1000, "EUR"), Money.of(1200, "EUR")));
        events.forEach(CONTRACTS::requireValid);
    }

    @Test
    void noPriceChangeNoPriceEvent() {
        Product before = product(1000, variant("A", null));
        assertThat(ProductEvents.replaced(before, product(1000, variant("A", null), variant("B", 900))))
                .hasSize(1);
    }

    @Test
    void createdAndUpdatedCarryWhatEachVariantSellsAt() {
        Product product = product(1000, variant("A", null), variant("B", 1500));
        List<SkuPrice> prices = List.of(new SkuPrice("A", Money.of(1000, "EUR")), new SkuPrice("B", Money.of(1500, "EUR")));

        assertThat(ProductEvents.created(product).prices()).isEqualTo(prices);
        assertThat(ProductEvents.updated(product).prices()).isEqualTo(prices);
    }

    @Test
    void everyEventConformsToItsContract() {
        Product product = product(1000, variant("A", null), variant("B", 1500));
        CONTRACTS.requireValid(ProductEvents.created(product));
        CONTRACTS.requireValid(ProductEvents.updated(product));
        CONTRACTS.requireValid(ProductEvents.deleted(product));
    }

    private static Product product(long price, Variant... variants) {
        return new Product("p-1", "cafe", LocalizedText.of("Café", "Coffee"), null, "cat-1",
                new BrandRef("b-1", "cafetal", "Cafetal"), Money.of(price, "EUR"), null, List.of(), List.of(variants),
                true, false, null, null, NOW, NOW, 1);
    }

    private static Variant variant(String sku, Integer price) {
        return new Variant(sku, Map.of(), price == null ? null : Money.of(price, "EUR"), null, StockState.UNKNOWN);
    }
}
