package io.tienda.product.brand.domain;

import io.tienda.platform.core.TextRules;
import io.tienda.product.shared.domain.CatalogText;
import io.tienda.product.shared.domain.FieldError;
import io.tienda.product.shared.domain.Slugs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A brand as staff send it; an absent slug is made from the name, or kept on replacement. The name is
 * copied onto products and printed with them, so it is single-line ({@link CatalogText}).
 */
public record BrandDraft(String slug, String name, String logoUrl) {

    public static final int MAX_NAME = 100;
    public static final int MAX_URL = 2000;

    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (slug != null && !Slugs.isValid(slug)) {
            errors.add(new FieldError("slug", "must be lower-case letters and digits joined by single hyphens"));
        }
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.strip().length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        } else {
            CatalogText.requireSingleLine(errors, "name", name);
        }
        if (!TextRules.isSingleLine(logoUrl)) {
            errors.add(new FieldError("logoUrl", TextRules.SINGLE_LINE_MESSAGE));
        } else if (logoUrl != null && !isWebUrl(logoUrl)) {
            errors.add(new FieldError("logoUrl", "must be an http(s) URL of at most " + MAX_URL + " characters"));
        }
        return errors;
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            return url.length() <= MAX_URL && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
