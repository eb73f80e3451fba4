package io.tienda.product.recommendation;

import io.tienda.platform.core.Page;
import io.tienda.platform.events.Money;
import io.tienda.product.brand.domain.BrandRef;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductCatalog;
import io.tienda.product.catalog.domain.StockState;
import io.tienda.product.catalog.domain.Variant;
import io.tienda.product.category.domain.Categories;
import io.tienda.product.recommendation.domain.Recommendation;
import io.tienda.product.review.domain.Purchases;
import io.tienda.product.shared.domain.LocalizedText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The answer cache alone; what is recommended is RecommendationsIT's, on MongoDB and Kafka. */
class ProductRecommendationsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final ProductCatalog catalog = mock(ProductCatalog.class);
    private final Categories categories = mock(Categories.class);
    private final Purchases purchases = mock(Purchases.class);
    private final Product product = product("p");
    private final Product together = product("t");
    private final Product peer = product("c");

    private static Product product(String id) {
        return new Product(id, "slug-" + id, LocalizedText.of("Café " + id, "Coffee " + id), null, "cat-1",
                new BrandRef("b-1", "cafetal", "Cafetal"), Money.of(1_000, "EUR"), null, List.of(),
                List.of(new Variant(id + "-SKU", Map.of(), null, null, new StockState(3, 1))),
                true, false, null, null, NOW, NOW, 1);
    }

    @BeforeEach
    void stores() {
        when(purchases.boughtAlongside(eq("p"), eq(2), eq(1000), anyInt())).thenReturn(List.of("t"));
        when(catalog.byIds(List.of("t"))).thenReturn(List.of(together));
        when(catalog.find(any(), eq(0), anyInt())).thenReturn(new Page<>(List.of(product, peer), 0, 10, 2));
    }

    private ProductRecommendations recommendations(Duration ttl) {
        return new ProductRecommendations(catalog, categories, purchases, 2, 1000, ttl, 100);
    }

    @Test
    void anAnswerIsKeptForItsTimeToLivePerProductAndLimit() {
        ProductRecommendations recommendations = recommendations(Duration.ofMinutes(1));

        List<Recommendation> first = recommendations.of(product, 5);
        assertThat(recommendations.of(product, 5)).isSameAs(first);
        assertThat(first).extracting(recommendation -> recommendation.product().id()).containsExactly("t", "c");
        verify(purchases, times(1)).boughtAlongside(eq("p"), eq(2), eq(1000), anyInt());

        recommendations.of(product, 1);
        verify(purchases, times(2)).boughtAlongside(eq("p"), eq(2), eq(1000), anyInt());
    }

    @Test
    void aTimeToLiveOfZeroComputesEveryAnswer() {
        ProductRecommendations recommendations = recommendations(Duration.ZERO);

        recommendations.of(product, 5);
        recommendations.of(product, 5);

        verify(purchases, times(2)).boughtAlongside(eq("p"), eq(2), eq(1000), anyInt());
        // the category's and the brand's best rated, each time
        verify(catalog, times(4)).find(any(), eq(0), anyInt());
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new ProductRecommendations(catalog, categories, purchases, 0, 1000, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductRecommendations(catalog, categories, purchases, 2, 1000, Duration.ofSeconds(-1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
