package io.tienda.product.brand.domain;

import java.util.Objects;

/** A brand; its name is a proper noun and is not translated. {@code logoUrl} may be null. */
public record Brand(String id, String slug, String name, String logoUrl, long version) {

    public Brand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
    }

    /** The copy products carry. */
    public BrandRef ref() {
        return new BrandRef(id, slug, name);
    }
}
