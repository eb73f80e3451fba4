package io.tienda.product.demo;

import io.tienda.product.catalog.domain.ProductRules;
import io.tienda.product.shared.domain.Slugs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo catalog's resources make valid, unique, deterministic products. */
class DemoCatalogFilesTest {

    private final CatalogFile.Catalog catalog = CatalogFile.catalog();
    private final Map<String, String> categoryIds = new HashMap<>();
    private final Map<String, String> brandIds = new HashMap<>();

    DemoCatalogFilesTest() {
        catalog.categories().forEach(c -> categoryIds.put(c.slug(), c.id()));
        catalog.brands().forEach(b -> brandIds.put(b.slug(), b.id()));
    }

    @Test
    void everyCuratedProductPassesTheRulesWithUniqueSlugsAndSkus() {
        List<DemoProduct> products = CuratedCatalog.expand(catalog, categoryIds, brandIds);

        assertThat(products).hasSizeBetween(250, 400);
        assertThat(catalog.categories()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(catalog.brands()).hasSize(25);
        expectValidAndUnique(products);
        assertThat(products).allSatisfy(p -> {
            assertThat(p.draft().categoryId()).isNotNull();
            assertThat(p.draft().brandId()).isNotNull();
            assertThat(p.draft().name().en()).isNotBlank();
        });
        // the first products span all templates, so a small catalog still covers every category
        assertThat(products.subList(0, catalog.products().size())).extracting(p -> p.draft().categoryId())
                .containsAll(catalog.products().stream().map(t -> categoryIds.get(t.category())).toList());
    }

    @Test
    void generatedProductsAreValidUniqueBilingualAndAlwaysTheSame() {
        Map<String, List<String>> brandsByCategory = new HashMap<>();
        catalog.products().forEach(t -> brandsByCategory.computeIfAbsent(t.category(), k -> new ArrayList<>())
                .addAll(t.brands().stream().map(brandIds::get).toList()));
        GeneratedCatalog generator = new GeneratedCatalog(CatalogFile.vocabulary(), categoryIds, brandsByCategory);
        List<DemoProduct> generated = new ArrayList<>();
        for (int n = 0; n < 5000; n++) {
            generated.add(generator.product(n));
        }

        expectValidAndUnique(generated);
        assertThat(generator.product(1234)).isEqualTo(generated.get(1234));
        assertThat(new HashSet<>(generated.stream().map(p -> p.draft().categoryId()).toList())).hasSize(20);
        assertThat(generated.stream().map(p -> p.draft().name().es().split(" ")[0]).distinct().count())
                .as("varied words").isGreaterThan(60);
        List<DemoProduct> curated = CuratedCatalog.expand(catalog, categoryIds, brandIds);
        List<DemoProduct> all = new ArrayList<>(curated);
        all.addAll(generated);
        expectValidAndUnique(all);
    }

    @Test
    void skusFollowTheRule() {
        assertThat(CuratedCatalog.sku("SMA01", Map.of("capacidad", "256 GB"))).isEqualTo("SMA01-256GB");
        assertThat(CuratedCatalog.sku("ZRU01", new java.util.LinkedHashMap<>(Map.of("color", "azul marino"))))
                .isEqualTo("ZRU01-AZULMARINO");
        assertThat(CuratedCatalog.wasPrice(7999)).isEqualTo(9999);
    }

    private static void expectValidAndUnique(List<DemoProduct> products) {
        Set<String> ids = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        Set<String> skus = new HashSet<>();
        for (DemoProduct product : products) {
            assertThat(ProductRules.check(product.draft())).as(product.draft().name().es()).isEmpty();
            assertThat(ids.add(product.id())).as("id of %s", product.draft().name().es()).isTrue();
            assertThat(Slugs.isValid(product.draft().slug())).isTrue();
            assertThat(slugs.add(product.draft().slug())).as("slug %s", product.draft().slug()).isTrue();
            product.draft().variants().forEach(v -> assertThat(skus.add(v.sku())).as("SKU %s", v.sku()).isTrue());
        }
    }
}
