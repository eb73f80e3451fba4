package io.tienda.product.catalog.persistence;

import io.tienda.platform.events.Money;
import io.tienda.product.brand.domain.BrandRef;
import io.tienda.product.catalog.domain.Image;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.Rating;
import io.tienda.product.catalog.domain.Seo;
import io.tienda.product.catalog.domain.StockState;
import io.tienda.product.catalog.domain.Variant;
import io.tienda.product.shared.domain.LocalizedText;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.query.Criteria;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A product as stored in the {@code products} collection. {@code inStock} and {@code fromPrice} are
 * derived, stored for queries; {@code deleted} marks a tombstone; {@code stockRevision} grows with
 * every write of the variants so that stock updates and replacements never overwrite each other.
 * Flags and counters are boxed: documents written before a field existed read as its default.
 */
@Document(ProductDocument.COLLECTION)
record ProductDocument(@Id String id, String slug, TextField name, TextField description, String categoryId,
        BrandField brand, PriceField price, PriceField compareAtPrice, List<ImageField> images,
        List<VariantField> variants, Boolean active, Boolean featured, SeoField seo, RatingField rating,
        Boolean inStock, Long fromPrice, Instant createdAt, Instant updatedAt, Long version, Boolean deleted,
        Instant deletedAt, Long stockRevision) {

    static final String COLLECTION = "products";

    /** Products that are not tombstones: a deleted product is gone for every read and every change. */
    static Criteria live() {
        return where("deleted").ne(true);
    }

    /** Not a tombstone: what {@link #live()} selects, checked on a document already read. */
    boolean isLive() {
        return !Boolean.TRUE.equals(deleted);
    }

    /**
     * {@code stored}, or {@code null} when it is a tombstone: the check for reads by a unique key
     * ({@code _id}, slug, SKU) made on that key alone, since a query on the key plus another field is
     * not served by the key's index on every server (mongo-java-server scans the collection for it).
     */
    static org.bson.Document unlessDeleted(org.bson.Document stored) {
        return stored == null || Boolean.TRUE.equals(stored.get("deleted")) ? null : stored;
    }

    static ProductDocument of(Product product) {
        return new ProductDocument(product.id(), product.slug(), TextField.of(product.name()),
                TextField.of(product.description()),
                product.categoryId(),
                product.brand() == null ? null
                        : new BrandField(product.brand().id(), product.brand().slug(), product.brand().name()),
                PriceField.of(product.price()), PriceField.of(product.compareAtPrice()),
                product.images().stream().map(image -> new ImageField(image.url(), TextField.of(image.alt())))
                        .toList(),
                product.variants().stream().map(VariantField::of).toList(),
                product.active(), product.featured(),
                new SeoField(TextField.of(product.seo().title()), TextField.of(product.seo().description())),
                new RatingField(product.rating().average(), product.rating().count()),
                product.inStock(), product.fromPrice().amount(),
                product.createdAt(), product.updatedAt(), product.version(), false, null, 0L);
    }

    Product toDomain() {
        return new Product(id, slug, TextField.toDomain(name), TextField.toDomain(description), categoryId,
                brand == null ? null : new BrandRef(brand.id(), brand.slug(), brand.name()),
                PriceField.toMoney(price), PriceField.toMoney(compareAtPrice),
                images == null ? List.of()
                        : images.stream().map(image -> new Image(image.url(), TextField.toDomain(image.alt())))
                                .toList(),
                variants == null ? List.of() : variants.stream().map(VariantField::toDomain).toList(),
                Boolean.TRUE.equals(active), Boolean.TRUE.equals(featured),
                seo == null ? Seo.NONE : new Seo(TextField.toDomain(seo.title()), TextField.toDomain(seo.description())),
                rating == null || rating.count() == 0 ? Rating.NONE : new Rating(rating.average(), rating.count()),
                createdAt, updatedAt, version == null ? 0 : version);
    }

    record TextField(String es, String en) {

        static TextField of(LocalizedText text) {
            return text == null ? null : new TextField(text.es(), text.en());
        }

        static LocalizedText toDomain(TextField field) {
            return field == null || (field.es() == null && field.en() == null) ? null
                    : new LocalizedText(field.es(), field.en());
        }
    }

    /** {@code id} stays {@code id}: unannotated, an embedded "id" would be stored as "_id". */
    record BrandField(@Field("id") String id, String slug, String name) {
    }

    record ImageField(String url, TextField alt) {
    }

    record SeoField(TextField title, TextField description) {
    }

    record RatingField(double average, int count) {
    }

    record PriceField(long amount, String currency) {

        static PriceField of(Money money) {
            return money == null ? null : new PriceField(money.amount(), money.currency());
        }

        static Money toMoney(PriceField field) {
            return field == null ? null : Money.of(field.amount(), field.currency());
        }
    }

    record StockField(int available, long version) {
    }

    record VariantField(String sku, Map<String, String> attributes, PriceField price, PriceField compareAtPrice,
            StockField stock) {

        static VariantField of(Variant variant) {
            return new VariantField(variant.sku(), variant.attributes(), PriceField.of(variant.price()),
                    PriceField.of(variant.compareAtPrice()),
                    new StockField(variant.stock().available(), variant.stock().version()));
        }

        Variant toDomain() {
            return new Variant(sku, attributes, PriceField.toMoney(price), PriceField.toMoney(compareAtPrice),
                    stock == null ? StockState.UNKNOWN : new StockState(stock.available(), stock.version()));
        }
    }
}
