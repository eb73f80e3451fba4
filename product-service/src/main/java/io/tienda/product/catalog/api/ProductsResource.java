package io.tienda.product.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.core.Page;
import io.tienda.platform.core.Roles;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;
import io.tienda.platform.security.CurrentUser;
import io.tienda.product.catalog.ProductAdmin;
import io.tienda.product.catalog.ProductBrowser;
import io.tienda.product.catalog.ProductVersions;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductDraft;
import io.tienda.product.catalog.domain.ProductFilter;
import io.tienda.product.catalog.domain.ProductRules;
import io.tienda.product.catalog.domain.ProductSort;
import io.tienda.product.shared.CatalogProblems;
import io.tienda.product.shared.api.HttpCaching;
import io.tienda.product.shared.api.QueryParameters;
import io.tienda.product.shared.domain.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/products")
@Validated
@Tag(name = "Products", description = "The catalog as shoppers browse it and staff edit it")
class ProductsResource {

    static final String ATTRIBUTE_PREFIX = "attr.";

    private final ProductBrowser browser;
    private final ProductAdmin admin;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final Duration maxAge;

    ProductsResource(ProductBrowser browser, ProductAdmin admin, CurrentUser currentUser, JsonMapper json,
            @Value("${tienda.products.cache.max-age:60s}") Duration maxAge) {
        this.browser = browser;
        this.admin = admin;
        this.currentUser = currentUser;
        this.json = json;
        this.maxAge = maxAge;
    }

    @GetMapping
    @Operation(summary = "List products on sale",
            description = "Active products, newest first unless sorted otherwise, narrowed by any of the filters; "
                    + "attribute filters are attr.<name>=<value> (e.g. attr.color=rojo) and must all hold for one "
                    + "variant. sort=relevance needs a query: use /api/v1/search/products. Public: no token needed; "
                    + "staff (SUPPORT, MANAGER, ADMIN) may add includeInactive=true. Weak ETag over the content, "
                    + "304 on If-None-Match.")
    ResponseEntity<Page<ProductSummary>> list(
            @Parameter(description = "Zero-based page number")
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "Products per page, 1 to 100")
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size,
            @Parameter(description = "A category slug; its subcategories are included")
            @RequestParam(required = false) @Size(max = 200) String category,
            @Parameter(description = "A brand slug")
            @RequestParam(required = false) @Size(max = 200) String brand,
            @Parameter(description = "Lowest price, in minor units (cents)")
            @RequestParam(required = false) @Min(0) Long minPrice,
            @Parameter(description = "Highest price, in minor units (cents)")
            @RequestParam(required = false) @Min(0) Long maxPrice,
            @Parameter(description = "true: only products some variant of which is in stock; false: only the others")
            @RequestParam(required = false) Boolean inStock,
            @RequestParam(required = false) Boolean featured,
            @Parameter(description = "newest (default), price_asc, price_desc or rating")
            @RequestParam(defaultValue = "newest") String sort,
            @Parameter(description = "Staff only: include products that are not on sale")
            @RequestParam(defaultValue = "false") boolean includeInactive,
            HttpServletRequest request) {
        Map<String, String[]> parameters = QueryParameters.all(request);
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw CatalogProblems.invalid("minPrice", "must not be above maxPrice");
        }
        if (includeInactive) {
            requireStaff();
        }
        ProductFilter filter = new ProductFilter(blankToNull(category), blankToNull(brand), minPrice, maxPrice,
                attributes(parameters), inStock, featured);
        Page<ProductSummary> body = browser.list(filter, sort(sort), includeInactive, page, size)
                .map(ProductSummary::of);
        CacheControl cache = includeInactive ? HttpCaching.privateRevalidated() : HttpCaching.publicFor(maxAge);
        return HttpCaching.respond(request, HttpCaching.contentTag(json, body), cache, body);
    }

    @GetMapping("/{idOrSlug}")
    @Operation(summary = "One product in full",
            description = "By id or by slug. A product that is not on sale is a 404 except for staff (SUPPORT, "
                    + "MANAGER, ADMIN). The ETag is \"<version>-<stock>\"; 304 on If-None-Match. Public.")
    ResponseEntity<ProductView> get(@PathVariable @Size(max = 200) String idOrSlug, HttpServletRequest request) {
        Product product = browser.shown(idOrSlug, currentUser.isStaff());
        CacheControl cache = product.active() ? HttpCaching.publicFor(maxAge) : HttpCaching.privateRevalidated();
        return HttpCaching.respond(request, ProductVersions.etag(product), cache, ProductView.of(product));
    }

    @PostMapping
    @PreAuthorize(Roles.HAS_EDITOR)
    @Operation(summary = "Create a product (MANAGER, ADMIN)",
            description = "201 with the product, its Location and ETag. The slug is made from the Spanish name "
                    + "when absent (accents folded, made unique). 400 validation lists every invalid field; 409 "
                    + "slug-taken or sku-taken; 422 unknown-category or unknown-brand. Announces product.created.")
    ResponseEntity<ProductView> create(@RequestBody ProductDraft draft) {
        Product product = admin.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/products/" + product.id()))
                .eTag(ProductVersions.etag(product)).body(ProductView.of(product));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.HAS_EDITOR)
    @Operation(summary = "Replace a product (MANAGER, ADMIN)",
            description = "Replaces everything staff edit; stock and rating are kept. Send If-Match with the ETag "
                    + "you read: 412 when the product changed since (without If-Match the last write wins). An "
                    + "absent slug keeps the current one. Announces product.updated, and product.price_changed "
                    + "when a SKU's price changed.")
    ResponseEntity<ProductView> replace(@PathVariable @Size(max = 200) String id, @RequestBody ProductDraft draft,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Product product = admin.replace(id, draft, ProductVersions.expected(ifMatch));
        return ResponseEntity.ok().eTag(ProductVersions.etag(product)).body(ProductView.of(product));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.HAS_EDITOR)
    @Operation(summary = "Delete a product (MANAGER, ADMIN)",
            description = "204; the product is gone for everyone at once. Its slug and SKUs stay reserved. "
                    + "If-Match is honoured like on PUT. Announces product.deleted.")
    ResponseEntity<Void> delete(@PathVariable @Size(max = 200) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        admin.delete(id, ProductVersions.expected(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private void requireStaff() {
        if (currentUser.id().isEmpty()) {
            throw new DomainException(ProblemType.UNAUTHORIZED, "includeInactive needs a staff token");
        }
        if (!currentUser.isStaff()) {
            throw DomainException.forbidden("Only staff may list products that are not on sale");
        }
    }

    private static ProductSort sort(String value) {
        ProductSort sort;
        try {
            sort = ProductSort.fromParam(value.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("sort must be one of newest, price_asc, price_desc, rating");
        }
        if (sort == ProductSort.RELEVANCE) {
            throw DomainException.invalid("sort=relevance needs a query; search with /api/v1/search/products?q=...");
        }
        return sort;
    }

    /** The attr.<name>=<value> parameters; names are matched in lower case, like stored attributes. */
    static Map<String, String> attributes(Map<String, String[]> parameters) {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        parameters.forEach((key, values) -> {
            if (!key.startsWith(ATTRIBUTE_PREFIX)) {
                return;
            }
            String name = key.substring(ATTRIBUTE_PREFIX.length()).strip().toLowerCase(Locale.ROOT);
            String value = values.length == 0 || values[0] == null ? "" : values[0].strip();
            if (name.isEmpty() || name.length() > ProductRules.MAX_ATTRIBUTE_NAME
                    || !ProductRules.ATTRIBUTE_NAME.matcher(name).matches()) {
                errors.add(new FieldError(key, "attribute names are letters, digits or underscores"));
            } else if (value.isEmpty() || value.length() > ProductRules.MAX_ATTRIBUTE_VALUE || values.length > 1) {
                errors.add(new FieldError(key, "needs one value of 1 to " + ProductRules.MAX_ATTRIBUTE_VALUE
                        + " characters"));
            } else {
                attributes.put(name, value);
            }
        });
        if (attributes.size() > ProductRules.MAX_ATTRIBUTES) {
            errors.add(new FieldError(ATTRIBUTE_PREFIX + "*", "at most " + ProductRules.MAX_ATTRIBUTES
                    + " attribute filters"));
        }
        if (!errors.isEmpty()) {
            throw CatalogProblems.invalid(errors);
        }
        return attributes;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
