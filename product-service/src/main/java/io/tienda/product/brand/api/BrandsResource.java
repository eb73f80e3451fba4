package io.tienda.product.brand.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.core.Roles;
import io.tienda.product.brand.BrandAdmin;
import io.tienda.product.brand.domain.BrandDraft;
import io.tienda.product.brand.domain.Brands;
import io.tienda.product.shared.api.HttpCaching;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;

@RestController
@RequestMapping("/api/v1/brands")
@Validated
@Tag(name = "Brands", description = "The brands of the catalog")
class BrandsResource {

    private final Brands brands;
    private final BrandAdmin admin;
    private final JsonMapper json;
    private final Duration maxAge;

    BrandsResource(Brands brands, BrandAdmin admin, JsonMapper json,
            @Value("${tienda.products.cache.max-age:60s}") Duration maxAge) {
        this.brands = brands;
        this.admin = admin;
        this.json = json;
        this.maxAge = maxAge;
    }

    @GetMapping
    @Operation(summary = "List all brands", description = "By name. Public: no token needed. Weak ETag, 304 on "
            + "If-None-Match.")
    ResponseEntity<BrandList> list(HttpServletRequest request) {
        BrandList body = new BrandList(brands.all().stream().map(BrandResponse::of).toList());
        return HttpCaching.respond(request, HttpCaching.contentTag(json, body), HttpCaching.publicFor(maxAge), body);
    }

    @GetMapping("/{slug}")
    @Operation(summary = "One brand", description = "By slug (or id). Public.")
    ResponseEntity<BrandResponse> get(@PathVariable @Size(max = 200) String slug, HttpServletRequest request) {
        BrandResponse body = BrandResponse.of(admin.find(slug));
        return HttpCaching.respond(request, HttpCaching.contentTag(json, body), HttpCaching.publicFor(maxAge), body);
    }

    @PostMapping
    @PreAuthorize(Roles.HAS_EDITOR)
    @Operation(summary = "Create a brand (MANAGER, ADMIN)",
            description = "{slug?, name, logoUrl?}; the slug is made from the name when absent. 409 slug-taken.")
    ResponseEntity<BrandResponse> create(@RequestBody BrandDraft draft) {
        BrandResponse brand = BrandResponse.of(admin.create(draft));
        return ResponseEntity.created(URI.create("/api/v1/brands/" + brand.slug())).body(brand);
    }

    @PutMapping("/{slug}")
    @PreAuthorize(Roles.HAS_EDITOR)
    @Operation(summary = "Replace a brand (MANAGER, ADMIN)",
            description = "A new name or slug is copied onto every product of the brand, each announced with "
                    + "product.updated. An absent slug keeps the current one. 409 slug-taken.")
    BrandResponse replace(@PathVariable @Size(max = 200) String slug, @RequestBody BrandDraft draft) {
        return BrandResponse.of(admin.replace(slug, draft));
    }
}
