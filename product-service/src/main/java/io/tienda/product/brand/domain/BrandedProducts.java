package io.tienda.product.brand.domain;

/**
 * The products that carry a copy of a brand ({@link BrandRef}). The catalog implements it; brands
 * declare it, so that a rename reaches the products without brands depending on the catalog.
 */
public interface BrandedProducts {

    /**
     * Gives every product of the brand its copy as the brand is stored now, announcing each product
     * changed; answers how many changed. Products that already carry it are left alone.
     */
    int relabel(String brandId);
}
