package io.tienda.product.catalog;

import io.tienda.platform.web.ApiException;
import io.tienda.platform.web.ProblemType;
import io.tienda.product.catalog.domain.FieldError;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The problems the catalog answers beyond the platform's generic ones. Clients branch on the
 * type: {@code slug-taken} and {@code sku-taken} (409) name what to change, {@code unknown-category}
 * and {@code unknown-brand} (422) point at a reference that does not resolve.
 */
public final class CatalogProblems {

    private CatalogProblems() {
    }

    /** A 400 {@code validation} problem listing every field, as the platform lists bean validation errors. */
    public static ApiException invalid(List<FieldError> errors) {
        List<Map<String, String>> listed = errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message())).toList();
        return new ApiException(400, ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(),
                "Invalid fields: " + errors.stream().map(FieldError::field).distinct()
                        .collect(Collectors.joining(", ")),
                Map.of("errors", listed));
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException slugTaken(String slug) {
        return new ApiException(409, type("slug-taken"), "The slug is taken",
                "Slug '" + slug + "' is already used; choose another", Map.of("slug", slug));
    }

    public static ApiException skusTaken(Collection<String> skus) {
        List<String> sorted = skus.stream().sorted().toList();
        return new ApiException(409, type("sku-taken"), "A SKU is taken",
                "Already used by another product: " + String.join(", ", sorted), Map.of("skus", sorted));
    }

    public static ApiException unknownCategory(String category) {
        return new ApiException(422, type("unknown-category"), "The category does not exist",
                "No category has the id or slug '" + category + "'", Map.of("field", "categoryId"));
    }

    public static ApiException unknownBrand(String brand) {
        return new ApiException(422, type("unknown-brand"), "The brand does not exist",
                "No brand has the id or slug '" + brand + "'", Map.of("field", "brandId"));
    }

    /** The client's copy is out of date: If-Match named a version the resource has moved on from. */
    public static ApiException versionMismatch(String what, String currentEtag) {
        return new ApiException(412, ProblemType.PRECONDITION_FAILED.uri(), ProblemType.PRECONDITION_FAILED.title(),
                "The " + what + " changed since you read it; read it again and reapply your change",
                Map.of("currentEtag", currentEtag));
    }

    public static ApiException conflict(String slug, String title, String detail) {
        return new ApiException(409, type(slug), title, detail, Map.of());
    }

    private static URI type(String slug) {
        return URI.create(ProblemType.BASE + slug);
    }
}
