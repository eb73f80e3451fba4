package io.tienda.product.search.persistence;

import io.tienda.product.catalog.domain.ProductCatalog;
import io.tienda.product.search.domain.ProductSearch;
import org.springframework.stereotype.Service;

import java.util.Map;

/**
 * A stand-in until the Lucene index arrives: a case-insensitive substring match on the name,
 * without relevance ranking, fuzziness or facets. The API keeps the shape the Lucene search will
 * fill, so clients do not change when it is replaced.
 */
@Service
class NameMatchSearch implements ProductSearch {

    private final ProductCatalog catalog;

    NameMatchSearch(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Result search(String query, int page, int size) {
        return new Result(catalog.activeWithNameContaining(query.strip(), page, size), Map.of());
    }
}
