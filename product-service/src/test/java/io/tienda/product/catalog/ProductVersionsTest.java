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
import java.util.OptionalLong;

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
        assertThat(ProductVersions.expectedVersion(null)).isEmpty();
        assertThat(ProductVersions.expectedVersion("*")).isEmpty();
        assertThat(ProductVersions.expectedVersion("\"7-5\"")).isEqualTo(OptionalLong.of(7));
        assertThat(ProductVersions.expectedVersion("W/\"7-5\"")).isEqualTo(OptionalLong.of(7));
        assertThat(ProductVersions.expectedVersion("\"7\"")).isEqualTo(OptionalLong.of(7));
        assertThat(ProductVersions.expectedVersion("\"abc\", \"8-1\"")).isEqualTo(OptionalLong.of(8));
        assertThat(ProductVersions.expectedVersion("\"nonsense\"")).isEqualTo(OptionalLong.of(-1));
    }
}
