package io.tienda.product.search.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.core.Page;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;
import io.tienda.product.catalog.api.ProductSummary;
import io.tienda.product.catalog.domain.ProductFilter;
import io.tienda.product.catalog.domain.ProductSort;
import io.tienda.product.search.domain.ProductSearch;
import io.tienda.product.shared.api.QueryParameters;
import io.tienda.product.search.domain.SearchRequest;
import io.tienda.product.search.domain.SearchResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Full-text product search with facets, and type-ahead suggestions")
class SearchResource {

    static final String ATTRIBUTE_PREFIX = "attr.";
    private static final int MAX_ATTRIBUTES = 10;
    private static final int MAX_SUGGESTIONS = 10;
    private static final String SORTS = Arrays.stream(ProductSort.values()).map(ProductSort::param)
            .collect(Collectors.joining(", "));

    private final ProductSearch search;

    SearchResource(ProductSearch search) {
        this.search = search;
    }

    @GetMapping("/products")
    @Operation(summary = "Search products on sale",
            description = "Spanish and English text, tolerant to accents, plurals and typos; names count more "
                    + "than descriptions. Filters as in the product list, plus variant attributes as "
                    + "`attr.<name>=<value>` (one variant must have them all) and `minRating`. Facets (category, "
                    + "brand, price, rating, inStock) count the hits as if the facet's own filter were not set. "
                    + "Public: no token needed. 503 while the index is first being built.")
    SearchResponse products(
            @Parameter(description = "What the shopper typed, 1 to 200 characters; taken as text, never as query syntax")
            @RequestParam @NotBlank @Size(max = 200) String q,
            @Parameter(description = "Category slug; its subcategories are included")
            @RequestParam(required = false) @Size(max = 200) String category,
            @Parameter(description = "Brand slug")
            @RequestParam(required = false) @Size(max = 200) String brand,
            @Parameter(description = "Lowest price, in minor units (cents), compared with the cheapest variant")
            @RequestParam(required = false) @PositiveOrZero Long minPrice,
            @Parameter(description = "Highest price, in minor units (cents)")
            @RequestParam(required = false) @PositiveOrZero Long maxPrice,
            @Parameter(description = "Lowest average review rating, 1 to 5 stars")
            @RequestParam(required = false) @Min(1) @Max(5) Integer minRating,
            @Parameter(description = "Only products some variant of which is (true) or none is (false) in stock")
            @RequestParam(required = false) Boolean inStock,
            @Parameter(description = "Only featured (true) or only other (false) products")
            @RequestParam(required = false) Boolean featured,
            @Parameter(description = "relevance (default), price_asc, price_desc, newest or rating")
            @RequestParam(defaultValue = "relevance") String sort,
            @Parameter(description = "Language of facet labels: es (default) or en")
            @RequestParam(required = false) @Pattern(regexp = "es|en") String lang,
            @Parameter(description = "Zero-based page number")
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "Hits per page, 1 to 100")
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size,
            HttpServletRequest request) {
        Map<String, String[]> parameters = QueryParameters.all(request);
        ProductSort order = sort(sort);
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw invalid("minPrice", "must not be above maxPrice");
        }
        ProductFilter filter = new ProductFilter(blankToNull(category), blankToNull(brand), minPrice, maxPrice,
                attributes(parameters), inStock, featured);
        requireReady();
        SearchResult result = search.search(new SearchRequest(q, filter, minRating, order, lang, page, size));
        Map<String, List<FacetBucket>> facets = new LinkedHashMap<>();
        result.facets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> facets.put(e.getKey(), e.getValue().stream().map(FacetBucket::of).toList()));
        return new SearchResponse(result.hits().items().stream().map(ProductSummary::of).toList(),
                result.hits().total(), facets, result.hits().page(), result.hits().size());
    }

    @GetMapping("/suggestions")
    @Operation(summary = "Suggest completions while typing",
            description = "Up to `limit` (at most 10) categories, brands and product names (Spanish and English) "
                    + "with a word starting with what was typed, accents ignored. Public: no token needed.")
    SuggestionsResponse suggestions(
            @Parameter(description = "What the shopper has typed so far, 1 to 200 characters")
            @RequestParam @NotBlank @Size(max = 200) String q,
            @Parameter(description = "Preferred language of the suggestions: es (default) or en")
            @RequestParam(required = false) @Pattern(regexp = "es|en") String lang,
            @Parameter(description = "How many suggestions, 1 to 10 (default)")
            @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_SUGGESTIONS) int limit,
            HttpServletRequest request) {
        QueryParameters.all(request);
        requireReady();
        return new SuggestionsResponse(search.suggest(q, lang == null ? "es" : lang, limit).stream()
                .map(SuggestionsResponse.Item::of).toList());
    }

    private void requireReady() {
        if (!search.ready()) {
            throw new DomainException(ProblemType.SERVICE_UNAVAILABLE,
                    "The search index is still being built; try again in a moment");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ProductSort sort(String value) {
        try {
            return ProductSort.fromParam(value);
        } catch (IllegalArgumentException e) {
            throw invalid("sort", "must be one of " + SORTS);
        }
    }

    /** {@code attr.<name>=<value>} parameters; each name at most once. */
    private static Map<String, String> attributes(Map<String, String[]> parameters) {
        Map<String, String> attributes = new TreeMap<>();
        for (Map.Entry<String, String[]> param : parameters.entrySet()) {
            if (!param.getKey().startsWith(ATTRIBUTE_PREFIX)) {
                continue;
            }
            String name = param.getKey().substring(ATTRIBUTE_PREFIX.length());
            String[] values = param.getValue();
            if (name.isBlank() || name.length() > 50) {
                throw invalid(param.getKey(), "an attribute name has 1 to 50 characters");
            }
            if (values.length != 1 || values[0].isBlank() || values[0].length() > 100) {
                throw invalid(param.getKey(), "give one value of 1 to 100 characters");
            }
            attributes.put(name, values[0]);
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw invalid(ATTRIBUTE_PREFIX + "*", "at most " + MAX_ATTRIBUTES + " attributes");
        }
        return attributes;
    }

    private static DomainException invalid(String field, String message) {
        List<Map<String, String>> errors = new ArrayList<>();
        errors.add(Map.of("field", field, "message", message));
        return new DomainException(ProblemType.VALIDATION.status(), ProblemType.VALIDATION.uri(),
                ProblemType.VALIDATION.title(), "Invalid parameter: " + field, Map.of("errors", errors));
    }
}
