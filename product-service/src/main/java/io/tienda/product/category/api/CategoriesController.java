package io.tienda.product.category.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.product.category.domain.Categories;
import io.tienda.product.category.domain.CategoryTree;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/categories")
@Tag(name = "Categories", description = "The category tree")
class CategoriesController {

    private final Categories categories;

    CategoriesController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping
    @Operation(summary = "List all categories",
            description = "The whole tree flattened in menu order: each parent followed by its children, "
                    + "siblings by sortOrder. Public: no token needed.")
    CategoryList list() {
        return new CategoryList(CategoryTree.menuOrder(categories.all()).stream()
                .map(CategoryResponse::of).toList());
    }
}
