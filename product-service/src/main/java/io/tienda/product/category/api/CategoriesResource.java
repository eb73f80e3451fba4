package io.tienda.product.category.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.core.Roles;
import io.tienda.product.category.CategoryAdmin;
import io.tienda.product.category.domain.Categories;
import io.tienda.product.category.domain.Category;
import io.tienda.product.category.domain.CategoryDraft;
import io.tienda.product.category.domain.CategoryTree;
import io.tienda.product.shared.api.HttpCaching;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.util.List;

@RestController
@RequestMapping("/api/v1/categories")
@Validated
@Tag(name = "Categories", description = "The category tree")
class CategoriesResource {

    private final Categories categories;
    private final CategoryAdmin admin;
    private final JsonMapper json;
    private final Duration maxAge;

    CategoriesResource(Categories categories, CategoryAdmin admin, JsonMapper json,
            @Value("${tienda.products.cache.max-age:60s}") Duration maxAge) {
        this.categories = categories;
        this.admin = admin;
        this.json = json;
        this.maxAge = maxAge;
    }

    @GetMapping
    @Operation(summary = "List all categories",
            description = "The whole tree flattened in menu order: each parent followed by its children, "
                    + "siblings by sortOrder, with depth and names in Spanish and English. Public: no token "
                    + "needed. Weak ETag, 304 on If-None-Match.")
    ResponseEntity<CategoryList> list(HttpServletRequest request) {
        CategoryList body = new CategoryList(CategoryTree.menuOrder(categories.all()).stream()
                .map(CategoryResponse::of).toList());
        return HttpCaching.respond(request, HttpCaching.contentTag(json, body), HttpCaching.publicFor(maxAge), body);
    }

    @GetMapping("/{slug}")
    @Operation(summary = "One category",
            description = "By slug (or id), with its lineage from the root and its direct subcategories. Public.")
    ResponseEntity<CategoryDetail> get(@PathVariable @Size(max = 200) String slug, HttpServletRequest request) {
        Category category = admin.find(slug);
        List<Category> all = categories.all();
        List<Category> children = CategoryTree.menuOrder(all.stream()
                .filter(c -> category.id().equals(c.parentId())).toList());
        CategoryDetail body = CategoryDetail.of(category, categories.lineage(category.id()), children);
        return HttpCaching.respond(request, HttpCaching.contentTag(json, body), HttpCaching.publicFor(maxAge), body);
    }

    @PostMapping
    @PreAuthorize(Roles.HAS_EDITOR)
    @Operation(summary = "Create a category (MANAGER, ADMIN)",
            description = "{slug?, name: {es, en}, parentId?, sortOrder?}. The slug is made from the Spanish name "
                    + "when absent. 409 slug-taken; 422 unknown-parent.")
    ResponseEntity<CategoryResponse> create(@RequestBody CategoryDraft draft) {
        Category category = admin.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/categories/" + category.slug()))
                .body(CategoryResponse.of(category));
    }

    @PutMapping("/{slug}")
    @PreAuthorize(Roles.HAS_EDITOR)
    @Operation(summary = "Replace a category (MANAGER, ADMIN)",
            description = "A new parentId moves the category with everything below it; the paths of the subtree "
                    + "follow. A new slug, name or parent announces every product below it again (product.updated), "
                    + "so search files them under the new branch. An absent slug keeps the current one. "
                    + "409 category-cycle when the new parent is the "
                    + "category or below it; 409 slug-taken; 422 unknown-parent.")
    CategoryResponse replace(@PathVariable @Size(max = 200) String slug, @RequestBody CategoryDraft draft) {
        return CategoryResponse.of(admin.replace(slug, draft));
    }

    @DeleteMapping("/{slug}")
    @PreAuthorize(Roles.HAS_EDITOR)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a category (MANAGER, ADMIN)",
            description = "204. 409 category-has-children or category-has-products: move or delete those first.")
    void delete(@PathVariable @Size(max = 200) String slug) {
        admin.delete(slug);
    }
}
