package io.tienda.product.category.domain;

import io.tienda.product.shared.domain.CatalogText;
import io.tienda.product.shared.domain.FieldError;
import io.tienda.product.shared.domain.LocalizedText;
import io.tienda.product.shared.domain.Slugs;

import java.util.ArrayList;
import java.util.List;

/**
 * A category as staff send it. Absent {@code slug} means "from the Spanish name" on creation and
 * "keep it" on replacement; absent {@code parentId} makes a root category. Names head menus and
 * order lines, so they are single-line ({@link CatalogText}).
 */
public record CategoryDraft(String slug, Name name, String parentId, Integer sortOrder) {

    public static final int MAX_NAME = 100;
    public static final int MAX_SORT_ORDER = 100_000;

    public record Name(String es, String en) {
    }

    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (slug != null && !Slugs.isValid(slug)) {
            errors.add(new FieldError("slug", "must be lower-case letters and digits joined by single hyphens"));
        }
        if (name == null || (blank(name.es()) && blank(name.en()))) {
            errors.add(new FieldError("name", "needs a Spanish (es) or English (en) text"));
        } else {
            name(errors, "name.es", name.es());
            name(errors, "name.en", name.en());
        }
        if (parentId != null && (parentId.isBlank() || parentId.length() > 200)) {
            errors.add(new FieldError("parentId", "must be a category's id or slug, or absent"));
        } else {
            CatalogText.requireSingleLine(errors, "parentId", parentId);
        }
        if (sortOrder != null && (sortOrder < 0 || sortOrder > MAX_SORT_ORDER)) {
            errors.add(new FieldError("sortOrder", "must be between 0 and " + MAX_SORT_ORDER));
        }
        return errors;
    }

    private static void name(List<FieldError> errors, String field, String name) {
        if (name != null && name.strip().length() > MAX_NAME) {
            errors.add(new FieldError(field, "must be at most " + MAX_NAME + " characters"));
        } else {
            CatalogText.requireSingleLine(errors, field, name);
        }
    }

    public LocalizedText localizedName() {
        return new LocalizedText(name.es(), name.en());
    }

    public String slugSource() {
        return blank(name.es()) ? name.en() : name.es();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
