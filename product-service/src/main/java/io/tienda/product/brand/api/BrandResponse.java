package io.tienda.product.brand.api;

import io.tienda.product.brand.domain.Brand;

public record BrandResponse(String id, String slug, String name, String logoUrl) {

    static BrandResponse of(Brand brand) {
        return new BrandResponse(brand.id(), brand.slug(), brand.name(), brand.logoUrl());
    }
}
