package io.tienda.product.catalog.persistence;

import io.tienda.platform.events.Money;
import io.tienda.product.catalog.domain.BrandRef;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.Variant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A product as stored in the {@code products} collection. */
@Document(ProductDocument.COLLECTION)
record ProductDocument(@Id String id, String slug, String name, String description, String categoryId,
        BrandField brand, PriceField price, List<String> images, List<VariantField> variants, boolean active,
        boolean inStock, Instant createdAt, Instant updatedAt) {

    static final String COLLECTION = "products";

    Product toDomain() {
        return new Product(id, slug, name, description, categoryId,
                brand == null ? null : new BrandRef(brand.id(), brand.name()),
                price.toMoney(), images,
                variants == null ? List.of() : variants.stream().map(VariantField::toDomain).toList(),
                active, inStock, createdAt);
    }

    record BrandField(String id, String name) {
    }

    record PriceField(long amount, String currency) {

        Money toMoney() {
            return Money.of(amount, currency);
        }
    }

    record VariantField(String sku, Map<String, String> attributes, PriceField price) {

        Variant toDomain() {
            return new Variant(sku, attributes, price == null ? null : price.toMoney());
        }
    }
}
