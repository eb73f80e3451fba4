package io.tienda.product.catalog.domain;

import io.tienda.platform.events.Money;
import io.tienda.product.brand.domain.BrandRef;
import io.tienda.product.shared.domain.LocalizedText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A product as staff send it, to create or to replace one: raw values, checked by
 * {@link ProductRules} before anything becomes a {@link Product}. Absent {@code slug} means "make
 * one from the Spanish name" on creation and "keep the current one" on replacement.
 * {@code categoryId} and {@code brandId} accept the id or the slug.
 */
public record ProductDraft(String slug, Text name, Text description, String categoryId, String brandId,
        Amount price, Amount compareAtPrice, List<ImageDraft> images, List<VariantDraft> variants, Boolean active,
        Boolean featured, SeoDraft seo) {

    public ProductDraft {
        images = images == null ? List.of() : images;
        variants = variants == null ? List.of() : variants;
    }

    /** A text in Spanish and English; either may be absent. */
    public record Text(String es, String en) {

        public static Text of(LocalizedText text) {
            return text == null ? null : new Text(text.es(), text.en());
        }

        boolean isBlank() {
            return (es == null || es.isBlank()) && (en == null || en.isBlank());
        }

        LocalizedText toDomain() {
            return isBlank() ? null : new LocalizedText(es, en);
        }
    }

    /** Minor units and a currency, which {@link ProductRules} takes only when it is the shop's. */
    public record Amount(Long amount, String currency) {

        public static Amount of(Money money) {
            return money == null ? null : new Amount(money.amount(), money.currency());
        }

        Money toDomain() {
            return Money.of(amount, currency);
        }
    }

    public record ImageDraft(String url, Text alt) {
    }

    public record VariantDraft(String sku, Map<String, String> attributes, Amount price, Amount compareAtPrice) {

        public VariantDraft {
            attributes = attributes == null ? Map.of() : attributes;
        }
    }

    public record SeoDraft(Text title, Text description) {
    }

    /** The draft of an existing product, as a client would send it back unchanged. */
    public static ProductDraft of(Product product) {
        return new ProductDraft(product.slug(), Text.of(product.name()), Text.of(product.description()),
                product.categoryId(), product.brand() == null ? null : product.brand().id(),
                Amount.of(product.price()), Amount.of(product.compareAtPrice()),
                product.images().stream().map(image -> new ImageDraft(image.url(), Text.of(image.alt()))).toList(),
                product.variants().stream().map(variant -> new VariantDraft(variant.sku(), variant.attributes(),
                        Amount.of(variant.price()), Amount.of(variant.compareAtPrice()))).toList(),
                product.active(), product.featured(),
                new SeoDraft(Text.of(product.seo().title()), Text.of(product.seo().description())));
    }

    /** The name a slug is made from: Spanish, the shop's own language, else English. */
    public String slugSource() {
        return name == null ? null : name.es() != null && !name.es().isBlank() ? name.es() : name.en();
    }

    /**
     * The product this draft describes, once {@link ProductRules#check} found nothing wrong. Variants
     * start with unknown stock: a SKU is not for sale until inventory has spoken about it.
     */
    public Product toProduct(String id, String finalSlug, String resolvedCategoryId, BrandRef brand, Rating rating,
            java.time.Instant createdAt, java.time.Instant updatedAt, long version) {
        return new Product(id, finalSlug, name.toDomain(), description == null ? null : description.toDomain(),
                resolvedCategoryId, brand, price.toDomain(), compareAtPrice == null ? null : compareAtPrice.toDomain(),
                images.stream().map(image -> new Image(image.url().strip(),
                        image.alt() == null ? null : image.alt().toDomain())).toList(),
                variants.stream().map(variant -> new Variant(variant.sku(), normalized(variant.attributes()),
                        variant.price() == null ? null : variant.price().toDomain(),
                        variant.compareAtPrice() == null ? null : variant.compareAtPrice().toDomain(),
                        StockState.UNKNOWN)).toList(),
                active == null || active, featured != null && featured,
                seo == null ? Seo.NONE : new Seo(seo.title() == null ? null : seo.title().toDomain(),
                        seo.description() == null ? null : seo.description().toDomain()),
                rating, createdAt, updatedAt, version);
    }

    /** Attribute names are compared and filtered in lower case; values keep their case but lose outer spaces. */
    static Map<String, String> normalized(Map<String, String> attributes) {
        Map<String, String> normalized = new LinkedHashMap<>();
        attributes.forEach((key, value) -> normalized.put(key.strip().toLowerCase(Locale.ROOT), value.strip()));
        return normalized;
    }
}
