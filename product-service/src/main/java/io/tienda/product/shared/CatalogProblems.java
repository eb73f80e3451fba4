package io.tienda.product.shared;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;
import io.tienda.product.shared.domain.FieldError;

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
    public static DomainException invalid(List<FieldError> errors) {
        List<Map<String, String>> listed = errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message())).toList();
        return new DomainException(400, ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(),
                "Invalid fields: " + errors.stream().map(FieldError::field).distinct()
                        .collect(Collectors.joining(", ")),
                Map.of("errors", listed));
    }

    public static DomainException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static DomainException slugTaken(String slug) {
        return new DomainException(409, type("slug-taken"), "The slug is taken",
                "Slug '" + slug + "' is already used; choose another", Map.of("slug", slug));
    }

    public static DomainException skusTaken(Collection<String> skus) {
        List<String> sorted = skus.stream().sorted().toList();
        return new DomainException(409, type("sku-taken"), "A SKU is taken",
                "Already used by another product: " + String.join(", ", sorted), Map.of("skus", sorted));
    }

    public static DomainException unknownCategory(String category) {
        return new DomainException(422, type("unknown-category"), "The category does not exist",
                "No category has the id or slug '" + category + "'", Map.of("field", "categoryId"));
    }

    public static DomainException unknownBrand(String brand) {
        return new DomainException(422, type("unknown-brand"), "The brand does not exist",
                "No brand has the id or slug '" + brand + "'", Map.of("field", "brandId"));
    }

    /** The client's copy is out of date: If-Match named a version the resource has moved on from. */
    public static DomainException versionMismatch(String what, String currentEtag) {
        return new DomainException(412, ProblemType.PRECONDITION_FAILED.uri(), ProblemType.PRECONDITION_FAILED.title(),
                "The " + what + " changed since you read it; read it again and reapply your change",
                Map.of("currentEtag", currentEtag));
    }

    public static DomainException conflict(String slug, String title, String detail) {
        return new DomainException(409, type(slug), title, detail, Map.of());
    }

    private static URI type(String slug) {
        return URI.create(ProblemType.BASE + slug);
    }
}
