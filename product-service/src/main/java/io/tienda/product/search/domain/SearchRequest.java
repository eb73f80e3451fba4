package io.tienda.product.search.domain;

import io.tienda.product.catalog.domain.ProductFilter;
import io.tienda.product.catalog.domain.ProductSort;
import io.tienda.product.shared.domain.LocalizedText;

import java.util.Objects;

/**
 * One search: what the shopper typed (blank matches every product), the filters of a product list,
 * the lowest average rating wanted (null for any), the order, the language facet labels are shown in,
 * and the page.
 */
public record SearchRequest(String text, ProductFilter filter, Integer minRating, ProductSort sort, String language,
        int page, int size) {

    public SearchRequest {
        filter = filter == null ? ProductFilter.NONE : filter;
        sort = sort == null ? ProductSort.RELEVANCE : sort;
        language = LocalizedText.ENGLISH.equals(language) ? LocalizedText.ENGLISH : LocalizedText.SPANISH;
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page from 0, size from 1");
        }
        if (minRating != null && (minRating < 1 || minRating > 5)) {
            throw new IllegalArgumentException("minRating is 1 to 5");
        }
    }

    public static SearchRequest of(String text, int page, int size) {
        return new SearchRequest(text, ProductFilter.NONE, null, ProductSort.RELEVANCE, null, page, size);
    }

    public SearchRequest withFilter(ProductFilter newFilter) {
        return new SearchRequest(text, Objects.requireNonNull(newFilter), minRating, sort, language, page, size);
    }

    public SearchRequest withSort(ProductSort newSort) {
        return new SearchRequest(text, filter, minRating, newSort, language, page, size);
    }

    public SearchRequest withMinRating(Integer stars) {
        return new SearchRequest(text, filter, stars, sort, language, page, size);
    }
}
