package io.tienda.product.brand.persistence;

import io.tienda.product.brand.domain.Brand;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A brand as stored in the {@code brands} collection. */
@Document(BrandIndexes.COLLECTION)
record BrandDocument(@Id String id, String slug, String name, String logoUrl, long version) {

    static BrandDocument of(Brand brand) {
        return new BrandDocument(brand.id(), brand.slug(), brand.name(), brand.logoUrl(), brand.version());
    }

    Brand toDomain() {
        return new Brand(id, slug, name, logoUrl, version);
    }
}
