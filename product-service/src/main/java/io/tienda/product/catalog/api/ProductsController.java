package io.tienda.product.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.web.Page;
import io.tienda.product.catalog.domain.ProductCatalog;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "The catalog as shoppers browse it")
class ProductsController {

    private final ProductCatalog catalog;

    ProductsController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "List products on sale",
            description = "Active products, newest first. Public: no token needed.")
    Page<ProductSummary> list(
            @Parameter(description = "Zero-based page number")
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "Products per page, 1 to 100")
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return catalog.active(page, size).map(ProductSummary::of);
    }
}
