package io.tienda.product.search.domain;

import java.util.List;

/**
 * Full-text product search over the products on sale: hits in the asked order, facet counts and
 * type-ahead suggestions. Only active products are ever found.
 */
public interface ProductSearch {

    SearchResult search(SearchRequest request);

    /** At most {@code limit} completions of what the shopper is typing, categories and brands first. */
    List<Suggestion> suggest(String text, String language, int limit);

    /** False until the first build of the index finished: until then every answer would be incomplete. */
    boolean ready();
}
