package io.tienda.product.search.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.web.Page;
import io.tienda.product.catalog.api.ProductSummary;
import io.tienda.product.search.domain.ProductSearch;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Product search")
class SearchController {

    private final ProductSearch search;

    SearchController(ProductSearch search) {
        this.search = search;
    }

    @GetMapping("/products")
    @Operation(summary = "Search products on sale",
            description = "For now a case-insensitive match on the product name, newest first; facets are "
                    + "empty until full-text search arrives. Public: no token needed.")
    SearchResponse products(
            @Parameter(description = "What the shopper typed")
            @RequestParam @NotBlank @Size(max = 200) String q,
            @Parameter(description = "Zero-based page number")
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "Hits per page, 1 to 100")
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        ProductSearch.Result result = search.search(q, page, size);
        return new SearchResponse(result.hits().items().stream().map(ProductSummary::of).toList(),
                result.hits().total(), result.facets(), result.hits().page(), result.hits().size());
    }
}
