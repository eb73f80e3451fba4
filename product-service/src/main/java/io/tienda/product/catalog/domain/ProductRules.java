package io.tienda.product.catalog.domain;

import io.tienda.platform.core.TextRules;
import io.tienda.product.shared.domain.CatalogText;
import io.tienda.product.shared.domain.FieldError;
import io.tienda.product.shared.domain.Shop;
import io.tienda.product.shared.domain.Slugs;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a product acceptable, checked before anything is stored. Every broken rule is
 * reported, with the path of its field, so staff fix a form in one round trip. Every price is in the
 * shop's currency, since pricing sells at no other, and every text is single-line
 * ({@link CatalogText}) but the description, which may have paragraphs.
 */
public final class ProductRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 5000;
    public static final int MAX_IMAGES = 20;
    public static final int MAX_VARIANTS = 100;
    public static final int MAX_ATTRIBUTES = 10;
    public static final int MAX_ATTRIBUTE_NAME = 40;
    public static final int MAX_ATTRIBUTE_VALUE = 100;
    public static final int MAX_URL = 2000;
    public static final int MAX_ALT = 300;
    public static final int MAX_SEO_TITLE = 200;
    public static final int MAX_SEO_DESCRIPTION = 500;
    public static final int MAX_ID = 200;
    /** A hundred million euros: far above any real price, far below an overflow. */
    public static final long MAX_AMOUNT = 10_000_000_000L;

    public static final Pattern SKU = Pattern.compile("^[A-Z0-9][A-Z0-9-]{1,63}$");
    /** Letters of any language (talla, tamaño), digits and underscores. */
    public static final Pattern ATTRIBUTE_NAME = Pattern.compile("^[\\p{L}\\p{N}_]+$");

    private ProductRules() {
    }

    /** Everything wrong with {@code draft}; empty when it may become a product. */
    public static List<FieldError> check(ProductDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.slug() != null && !Slugs.isValid(draft.slug())) {
            errors.add(new FieldError("slug", "must be lower-case letters and digits joined by single hyphens, "
                    + "at most " + Slugs.MAX_LENGTH + " characters"));
        }
        text(errors, "name", draft.name(), MAX_NAME, true);
        text(errors, "description", draft.description(), MAX_DESCRIPTION, false, true);
        if (draft.categoryId() == null || draft.categoryId().isBlank()) {
            errors.add(new FieldError("categoryId", "is required"));
        } else if (draft.categoryId().length() > MAX_ID) {
            errors.add(new FieldError("categoryId", "must be at most " + MAX_ID + " characters"));
        } else {
            CatalogText.requireSingleLine(errors, "categoryId", draft.categoryId());
        }
        if (draft.brandId() != null && (draft.brandId().isBlank() || draft.brandId().length() > MAX_ID)) {
            errors.add(new FieldError("brandId", "must be a brand's id or slug, or absent"));
        } else {
            CatalogText.requireSingleLine(errors, "brandId", draft.brandId());
        }
        amount(errors, "price", draft.price(), true);
        amount(errors, "compareAtPrice", draft.compareAtPrice(), false);
        if (above(draft.price(), draft.compareAtPrice()) == Boolean.FALSE) {
            errors.add(new FieldError("compareAtPrice", "must be above price"));
        }
        images(errors, draft.images());
        variants(errors, draft);
        if (draft.seo() != null) {
            text(errors, "seo.title", draft.seo().title(), MAX_SEO_TITLE, false);
            text(errors, "seo.description", draft.seo().description(), MAX_SEO_DESCRIPTION, false);
        }
        return errors;
    }

    private static void text(List<FieldError> errors, String field, ProductDraft.Text text, int max,
            boolean required) {
        text(errors, field, text, max, required, false);
    }

    private static void text(List<FieldError> errors, String field, ProductDraft.Text text, int max,
            boolean required, boolean paragraphs) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "needs a Spanish (es) or English (en) text"));
            }
            return;
        }
        language(errors, field + ".es", text.es(), max, paragraphs);
        language(errors, field + ".en", text.en(), max, paragraphs);
    }

    private static void language(List<FieldError> errors, String field, String text, int max, boolean paragraphs) {
        if (text == null) {
            return;
        }
        if (text.strip().length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (paragraphs) {
            CatalogText.requireMultiLine(errors, field, text);
        } else {
            CatalogText.requireSingleLine(errors, field, text);
        }
    }

    /** Checks one amount: in minor units within bounds, and in the currency the shop sells in. */
    private static void amount(List<FieldError> errors, String field, ProductDraft.Amount amount,
            boolean required) {
        if (amount == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return;
        }
        if (amount.amount() == null) {
            errors.add(new FieldError(field + ".amount", "is required"));
        } else if (amount.amount() < 0 || amount.amount() > MAX_AMOUNT) {
            errors.add(new FieldError(field + ".amount", "must be between 0 and " + MAX_AMOUNT + " minor units"));
        }
        if (!Shop.CURRENCY.equals(amount.currency())) {
            errors.add(new FieldError(field + ".currency", "must be " + Shop.CURRENCY + ", the currency the shop "
                    + "sells in"));
        }
    }

    /** Whether {@code compareAt} is above {@code price}; null when either is missing or unusable. */
    private static Boolean above(ProductDraft.Amount price, ProductDraft.Amount compareAt) {
        if (price == null || compareAt == null || price.amount() == null || compareAt.amount() == null
                || price.currency() == null || !price.currency().equals(compareAt.currency())) {
            return null;
        }
        return compareAt.amount() > price.amount();
    }

    private static void images(List<FieldError> errors, List<ProductDraft.ImageDraft> images) {
        if (images.size() > MAX_IMAGES) {
            errors.add(new FieldError("images", "at most " + MAX_IMAGES + " images"));
            return;
        }
        for (int i = 0; i < images.size(); i++) {
            ProductDraft.ImageDraft image = images.get(i);
            String field = "images[" + i + "]";
            if (image == null) {
                errors.add(new FieldError(field, "must not be null"));
                continue;
            }
            if (!TextRules.isSingleLine(image.url())) {
                errors.add(new FieldError(field + ".url", TextRules.SINGLE_LINE_MESSAGE));
            } else if (!isWebUrl(image.url())) {
                errors.add(new FieldError(field + ".url", "must be an http(s) URL of at most " + MAX_URL
                        + " characters"));
            }
            text(errors, field + ".alt", image.alt(), MAX_ALT, false);
        }
    }

    private static void variants(List<FieldError> errors, ProductDraft draft) {
        List<ProductDraft.VariantDraft> variants = draft.variants();
        if (variants.isEmpty()) {
            errors.add(new FieldError("variants", "a product needs at least one variant"));
            return;
        }
        if (variants.size() > MAX_VARIANTS) {
            errors.add(new FieldError("variants", "at most " + MAX_VARIANTS + " variants"));
            return;
        }
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            ProductDraft.VariantDraft variant = variants.get(i);
            String field = "variants[" + i + "]";
            if (variant == null) {
                errors.add(new FieldError(field, "must not be null"));
                continue;
            }
            if (variant.sku() == null || !SKU.matcher(variant.sku()).matches()) {
                errors.add(new FieldError(field + ".sku", "must match " + SKU.pattern()));
            } else if (!skus.add(variant.sku())) {
                errors.add(new FieldError(field + ".sku", "repeats the SKU of another variant"));
            }
            attributes(errors, field + ".attributes", variant.attributes());
            amount(errors, field + ".price", variant.price(), false);
            amount(errors, field + ".compareAtPrice", variant.compareAtPrice(), false);
            // a variant without its own prices sells at, and is compared with, the product's
            ProductDraft.Amount price = variant.price() != null ? variant.price() : draft.price();
            ProductDraft.Amount compareAt = variant.compareAtPrice() != null ? variant.compareAtPrice()
                    : draft.compareAtPrice();
            if (above(price, compareAt) == Boolean.FALSE
                    && (variant.price() != null || variant.compareAtPrice() != null)) {
                errors.add(new FieldError(field + ".compareAtPrice", "must be above the variant's price"));
            }
        }
    }

    private static void attributes(List<FieldError> errors, String field, Map<String, String> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            errors.add(new FieldError(field, "at most " + MAX_ATTRIBUTES + " attributes"));
            return;
        }
        Set<String> names = new HashSet<>();
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String raw = attribute.getKey() == null ? "" : attribute.getKey();
            String name = raw.strip();
            // a name is part of the field's path: shown with what it must not hold escaped
            String path = field + "." + TextRules.printable(name);
            if (!TextRules.isSingleLine(raw)) {
                errors.add(new FieldError(path, TextRules.SINGLE_LINE_MESSAGE));
            } else if (name.isEmpty() || name.length() > MAX_ATTRIBUTE_NAME
                    || !ATTRIBUTE_NAME.matcher(name).matches()) {
                errors.add(new FieldError(path, "names are 1 to " + MAX_ATTRIBUTE_NAME
                        + " letters, digits or underscores"));
            } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(path, "repeats another attribute, ignoring case"));
            }
            String value = attribute.getValue();
            if (value == null || value.isBlank() || value.strip().length() > MAX_ATTRIBUTE_VALUE) {
                errors.add(new FieldError(path, "values are 1 to " + MAX_ATTRIBUTE_VALUE + " characters"));
            } else {
                CatalogText.requireSingleLine(errors, path, value);
            }
        }
    }

    private static boolean isWebUrl(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
