package io.tienda.product.recommendation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.security.CurrentUser;
import io.tienda.product.catalog.ProductBrowser;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.recommendation.ProductRecommendations;
import io.tienda.product.shared.api.HttpCaching;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

@RestController
@RequestMapping("/api/v1/products")
@Validated
@Tag(name = "Products")
class RecommendationsResource {

    static final int MAX_LIMIT = 20;

    private final ProductBrowser browser;
    private final ProductRecommendations recommendations;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final Duration maxAge;

    RecommendationsResource(ProductBrowser browser, ProductRecommendations recommendations, CurrentUser currentUser,
            JsonMapper json, @Value("${tienda.products.cache.max-age:60s}") Duration maxAge) {
        this.browser = browser;
        this.recommendations = recommendations;
        this.currentUser = currentUser;
        this.json = json;
        this.maxAge = maxAge;
    }

    @GetMapping("/{idOrSlug}/recommendations")
    @Operation(summary = "Products to show beside one",
            description = "What customers who bought the product also bought (only what at least two customers "
                    + "share), then the best rated of its category, then of the categories beside it (under the same "
                    + "parent), then of its brand; only products on sale and in stock, never the product itself. Each "
                    + "item says why: bought-together, same-category, related-category or same-brand. A product not on sale is a 404 except for staff. Public; weak ETag over the "
                    + "content, 304 on If-None-Match.")
    ResponseEntity<RecommendationList> recommendations(@PathVariable @Size(max = 200) String idOrSlug,
            @Parameter(description = "How many at most, 1 to 20")
            @RequestParam(defaultValue = "8") @Min(1) @Max(MAX_LIMIT) int limit,
            HttpServletRequest request) {
        Product product = browser.shown(idOrSlug, currentUser.isStaff());
        RecommendationList body = RecommendationList.of(recommendations.of(product, limit));
        CacheControl cache = product.active() ? HttpCaching.publicFor(maxAge) : HttpCaching.privateRevalidated();
        return HttpCaching.respond(request, HttpCaching.contentTag(json, body), cache, body);
    }
}
