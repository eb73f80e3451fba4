package io.tienda.product.shared.domain;

import io.tienda.platform.core.TextRules;

import java.util.List;

/**
 * The platform's text rule ({@link TextRules#isSingleLine}) applied to what staff and customers write
 * into the catalog. Names, titles, alt texts and attributes end up on one line of an order, a mail or a
 * document, so they hold no control character and no line or paragraph separator. A description or a
 * review has paragraphs ({@link TextRules#isMultiLine}).
 */
public final class CatalogText {

    private CatalogText() {
    }

    /** Adds an error for {@code field} when {@code text} cannot be written on one line. */
    public static void requireSingleLine(List<FieldError> errors, String field, String text) {
        if (!TextRules.isSingleLine(text)) {
            errors.add(new FieldError(field, TextRules.SINGLE_LINE_MESSAGE));
        }
    }

    /** Adds an error for {@code field} when {@code text} holds more than line breaks and tabs of control. */
    public static void requireMultiLine(List<FieldError> errors, String field, String text) {
        if (!TextRules.isMultiLine(text)) {
            errors.add(new FieldError(field, TextRules.MULTI_LINE_MESSAGE));
        }
    }
}
