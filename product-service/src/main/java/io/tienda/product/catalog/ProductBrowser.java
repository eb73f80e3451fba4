package io.tienda.product.catalog;

import io.tienda.platform.core.Page;
import io.tienda.platform.problem.DomainException;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductCatalog;
import io.tienda.product.catalog.domain.ProductFilter;
import io.tienda.product.catalog.domain.ProductQuery;
import io.tienda.product.catalog.domain.ProductSort;
import io.tienda.product.category.domain.Categories;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** The catalog as lists and product pages read it. */
@Service
public class ProductBrowser {

    private final ProductCatalog catalog;
    private final Categories categories;

    ProductBrowser(ProductCatalog catalog, Categories categories) {
        this.catalog = catalog;
        this.categories = categories;
    }

    /**
     * One page of products matching the filter. A category filter takes in everything below the
     * category; a category that does not exist matches nothing, like a brand that does not.
     */
    public Page<Product> list(ProductFilter filter, ProductSort sort, boolean includeInactive, int page, int size) {
        List<String> categoryIds = filter.category() == null ? null
                : categories.bySlug(filter.category()).map(categories::subtreeIds).orElse(List.of());
        return catalog.find(new ProductQuery(filter, categoryIds, sort, includeInactive), page, size);
    }

    /**
     * The product a product page shows, by id or slug: one not on sale only to staff, and to anyone
     * else as if it did not exist.
     */
    public Product shown(String idOrSlug, boolean staff) {
        return get(idOrSlug).filter(found -> found.active() || staff)
                .orElseThrow(() -> DomainException.notFound("product", idOrSlug));
    }

    /** A product by its id or, failing that, by its slug; product pages link by slug, the API by id. */
    public Optional<Product> get(String idOrSlug) {
        return catalog.byId(idOrSlug).or(() -> catalog.bySlug(idOrSlug));
    }
}
