package io.tienda.product.catalog.domain;

/** A write that would make two products share what must be unique. */
public class CatalogConflict extends RuntimeException {

    public enum Kind {
        ID, SLUG, SKU
    }

    private final Kind kind;

    public CatalogConflict(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
