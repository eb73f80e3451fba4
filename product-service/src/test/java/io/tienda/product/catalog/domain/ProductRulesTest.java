package io.tienda.product.catalog.domain;

import io.tienda.product.catalog.domain.ProductDraft.Amount;
import io.tienda.product.catalog.domain.ProductDraft.ImageDraft;
import io.tienda.product.catalog.domain.ProductDraft.Text;
import io.tienda.product.catalog.domain.ProductDraft.VariantDraft;
import io.tienda.product.shared.domain.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProductRulesTest {

    private static final Amount TEN_EUROS = new Amount(1000L, "EUR");

    @Test
    void aCompleteDraftPasses() {
        assertThat(ProductRules.check(draft(List.of(variant("SKU-1")), TEN_EUROS, new Amount(1500L, "EUR"))))
                .isEmpty();
    }

    @Test
    void needsANameACategoryAPriceAndAVariant() {
        ProductDraft empty = new ProductDraft(null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(fields(empty)).containsExactlyInAnyOrder("name", "categoryId", "price", "variants");
        ProductDraft blank = new ProductDraft(null, new Text(" ", ""), null, " ", null, TEN_EUROS, null, null,
                List.of(variant("SKU-1")), null, null, null);
        assertThat(fields(blank)).containsExactlyInAnyOrder("name", "categoryId");
    }

    @Test
    void boundsTheSizesOfTexts() {
        ProductDraft draft = new ProductDraft(null, new Text("n".repeat(201), "n".repeat(200)),
                new Text("d".repeat(5000), "d".repeat(5001)), "cat", null, TEN_EUROS, null, null,
                List.of(variant("SKU-1")), null, null,
                new ProductDraft.SeoDraft(new Text("t".repeat(201), null), null));
        assertThat(fields(draft)).containsExactlyInAnyOrder("name.es", "description.en", "seo.title.es");
    }

    @Test
    void checksSkusAgainstThePatternAndEachOther() {
        List<VariantDraft> variants = List.of(variant("A"), variant("lower-case"), variant("-LEADING"),
                variant("OK-1"), variant("OK-1"), variant("X".repeat(65)), variant(null), variant("SPACE 1"));
        assertThat(fields(draft(variants, TEN_EUROS, null))).containsExactly("variants[0].sku", "variants[1].sku",
                "variants[2].sku", "variants[4].sku", "variants[5].sku", "variants[6].sku", "variants[7].sku");
        assertThat(ProductRules.SKU.matcher("AB").matches()).isTrue();
        assertThat(ProductRules.SKU.matcher("X".repeat(64)).matches()).isTrue();
    }

    @Test
    void boundsVariantsImagesAndAttributes() {
        List<VariantDraft> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(variant("SKU-" + i));
        }
        assertThat(fields(draft(many, TEN_EUROS, null))).containsExactly("variants");
        assertThat(fields(draft(many.subList(0, 100), TEN_EUROS, null))).isEmpty();

        Map<String, String> eleven = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("a" + i, "v");
        }
        assertThat(fields(draft(List.of(new VariantDraft("SKU-1", eleven, null, null)), TEN_EUROS, null)))
                .containsExactly("variants[0].attributes");
        Map<String, String> bad = new HashMap<>();
        bad.put("talla", " ");
        bad.put("co.lor", "rojo");
        bad.put("Color", "rojo");
        bad.put("color", "rojo");
        assertThat(fields(draft(List.of(new VariantDraft("SKU-1", bad, null, null)), TEN_EUROS, null)))
                .contains("variants[0].attributes.talla", "variants[0].attributes.co.lor")
                .hasSize(3);
        assertThat(fields(draft(List.of(new VariantDraft("SKU-1", Map.of("tamaño", "grande"), null, null)),
                TEN_EUROS, null))).isEmpty();

        List<ImageDraft> images = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            images.add(new ImageDraft("https://img/" + i, null));
        }
        assertThat(fields(withImages(images))).containsExactly("images");
        assertThat(fields(withImages(List.of(new ImageDraft("notaurl", null), new ImageDraft("ftp://x/y", null),
                new ImageDraft("https://img.example/a.jpg", new Text("a".repeat(301), null))))))
                .containsExactly("images[0].url", "images[1].url", "images[2].alt.es");
    }

    @Test
    void keepsCurrenciesConsistentAndCompareAtAbovePrice() {
        assertThat(fields(draft(List.of(variant("SKU-1")), TEN_EUROS, new Amount(1000L, "EUR"))))
                .containsExactly("compareAtPrice");
        assertThat(fields(draft(List.of(variant("SKU-1")), TEN_EUROS, new Amount(2000L, "USD"))))
                .containsExactly("compareAtPrice.currency");
        assertThat(fields(draft(List.of(variant("SKU-1")), new Amount(-1L, "EUR"), null)))
                .containsExactly("price.amount");
        assertThat(fields(draft(List.of(variant("SKU-1")), new Amount(1L, "eur"), null)))
                .containsExactly("price.currency");
        assertThat(fields(draft(List.of(variant("SKU-1")), new Amount(null, "EUR"), null)))
                .containsExactly("price.amount");

        assertThat(fields(draft(List.of(variant("SKU-1")), new Amount(1000L, "USD"), new Amount(2000L, "USD"))))
                .as("the shop sells in EUR, even when every price agrees on another currency")
                .containsExactly("price.currency", "compareAtPrice.currency");

        VariantDraft dearer = new VariantDraft("SKU-1", Map.of(), new Amount(2000L, "EUR"), null);
        assertThat(fields(draft(List.of(dearer), TEN_EUROS, new Amount(1500L, "EUR"))))
                .as("the product's compare-at price is below this variant's price")
                .containsExactly("variants[0].compareAtPrice");
        VariantDraft dollars = new VariantDraft("SKU-1", Map.of(), new Amount(2000L, "USD"), null);
        assertThat(fields(draft(List.of(dollars), TEN_EUROS, null))).containsExactly("variants[0].price.currency");
        VariantDraft onSale = new VariantDraft("SKU-1", Map.of(), new Amount(800L, "EUR"), new Amount(1200L, "EUR"));
        assertThat(fields(draft(List.of(onSale), TEN_EUROS, null))).isEmpty();
    }

    @Test
    void refusesMalformedSlugsButNotAbsentOnes() {
        ProductDraft slugged = new ProductDraft("Bad Slug", new Text("Café", null), null, "cat", null, TEN_EUROS, null,
                null, List.of(variant("SKU-1")), null, null, null);
        assertThat(fields(slugged)).containsExactly("slug");
    }

    @Test
    void aValidDraftBecomesAProductWithUnknownStockAndNormalizedAttributes() {
        ProductDraft draft = new ProductDraft(null, new Text("Café", "Coffee"), null, "cat", null, TEN_EUROS, null,
                List.of(new ImageDraft(" https://img/x.jpg ", null)),
                List.of(new VariantDraft("SKU-1", Map.of(" Talla ", " M "), null, null)), null, null, null);
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        Product product = draft.toProduct("id-1", "cafe", "cat-id", null, Rating.NONE, now, now, 1);

        assertThat(product.active()).isTrue();
        assertThat(product.featured()).isFalse();
        assertThat(product.variants().get(0).attributes()).isEqualTo(Map.of("talla", "M"));
        assertThat(product.variants().get(0).stock()).isEqualTo(StockState.UNKNOWN);
        assertThat(product.images().get(0).url()).isEqualTo("https://img/x.jpg");
        assertThat(product.inStock()).isFalse();
        assertThat(product.stockStamp()).isZero();
        assertThat(ProductDraft.of(product).toProduct("id-1", "cafe", "cat-id", null, Rating.NONE, now, now, 1))
                .isEqualTo(product);
    }

    private static List<String> fields(ProductDraft draft) {
        return ProductRules.check(draft).stream().map(FieldError::field).toList();
    }

    private static ProductDraft draft(List<VariantDraft> variants, Amount price, Amount compareAt) {
        return new ProductDraft(null, new Text("Café", "Coffee"), new Text("Molido", "Ground"), "cat", "brand", price,
                compareAt, List.of(new ImageDraft("https://images.tienda.local/cafe.jpg", new Text("Café", null))),
                variants, true, false, null);
    }

    private static ProductDraft withImages(List<ImageDraft> images) {
        return new ProductDraft(null, new Text("Café", null), null, "cat", null, TEN_EUROS, null, images,
                List.of(variant("SKU-1")), null, null, null);
    }

    private static VariantDraft variant(String sku) {
        return new VariantDraft(sku, Map.of("talla", "M"), null, null);
    }
}
