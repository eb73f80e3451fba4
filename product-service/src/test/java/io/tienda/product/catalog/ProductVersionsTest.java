package io.tienda.product.catalog;

import io.tienda.platform.events.Money;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.StockState;
import io.tienda.product.catalog.domain.Variant;
import io.tienda.product.shared.domain.LocalizedText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProductVersionsTest {

    @Test
    void theEtagNamesTheVersionAndTheStock() {
        Product product = new Product("p", "s", LocalizedText.of("x", null), null, "c", null, Money.of(1, "EUR"), null,
                List.of(), List.of(new Variant("A1", Map.of(), null, null, new StockState(3, 4)),
                        new Variant("B1", Map.of(), null, null, StockState.UNKNOWN)),
                true, false, null, null, Instant.EPOCH, Instant.EPOCH, 7);
        assertThat(ProductVersions.etag(product)).isEqualTo("\"7-5\"");
    }

    @Test
    void ifMatchComparesTheVersionOnly() {
        assertThat(ProductVersions.expected(null).admits(7)).isTrue();
        assertThat(ProductVersions.expected("*").admits(7)).isTrue();
        assertThat(ProductVersions.expected("\"7-5\"").versions()).containsExactly(7L);
        assertThat(ProductVersions.expected("W/\"7-5\"").versions()).containsExactly(7L);
        assertThat(ProductVersions.expected("\"7\"").versions()).containsExactly(7L);
        assertThat(ProductVersions.expected("\"nonsense\"").versions()).isEmpty();
        assertThat(ProductVersions.expected("\"nonsense\"").admits(0)).isFalse();
    }

    @Test
    void ifMatchWithAListAdmitsEveryVersionItNames() {
        ProductVersions.Expected expected = ProductVersions.expected("\"abc\", \"8-1\",W/\"3-9\" , \"5,6\"");
        assertThat(expected.versions()).containsExactlyInAnyOrder(8L, 3L);
        assertThat(expected.admits(8)).isTrue();
        assertThat(expected.admits(3)).isTrue();
        assertThat(expected.admits(5)).isFalse();
        assertThat(expected.admits(6)).isFalse();
    }
}
