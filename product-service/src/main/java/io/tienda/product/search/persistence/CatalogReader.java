package io.tienda.product.search.persistence;

import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductCatalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The reads of the catalog the index is built and kept current from. */
public interface CatalogReader {

    Optional<Product> byId(String id);

    /** The products among these ids that exist; one read for a whole batch of changes. */
    List<Product> byIds(Collection<String> ids);

    List<Product> bySkus(Collection<String> skus);

    /** Every product, active or not. */
    void forEach(Consumer<Product> action);

    static CatalogReader of(ProductCatalog catalog) {
        return new CatalogReader() {
            @Override
            public Optional<Product> byId(String id) {
                return catalog.byId(id);
            }

            @Override
            public List<Product> byIds(Collection<String> ids) {
                return catalog.byIds(ids);
            }

            @Override
            public List<Product> bySkus(Collection<String> skus) {
                return catalog.bySkus(skus);
            }

            @Override
            public void forEach(Consumer<Product> action) {
                catalog.forEach(action);
            }
        };
    }
}
