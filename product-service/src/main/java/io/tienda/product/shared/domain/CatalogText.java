package io.tienda.product.shared.domain;

import io.tienda.platform.core.TextRules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The platform's text rule ({@link TextRules#isSingleLine}) applied to what staff and customers write
 * into the catalog. Names, titles, alt texts and attributes end up on one line of an order, a mail or a
 * document, so they hold no control character and no line or paragraph separator. A description or a
 * review has paragraphs: it is a run of such lines separated by LF or CR LF, and may hold tabs.
 */
public final class CatalogText {

    public static final String MULTI_LINE_MESSAGE =
            "must not contain control characters other than line breaks (LF or CR LF) and tabs";

    private static final Pattern ORDINARY_BREAKS = Pattern.compile("\r\n|[\n\t]");

    private CatalogText() {
    }

    /** True when every line of {@code text} between LF or CR LF, tabs aside, is single-line; null passes. */
    public static boolean isMultiLine(String text) {
        return text == null || ORDINARY_BREAKS.splitAsStream(text).allMatch(TextRules::isSingleLine);
    }

    /** Adds an error for {@code field} when {@code text} cannot be written on one line. */
    public static void requireSingleLine(List<FieldError> errors, String field, String text) {
        if (!TextRules.isSingleLine(text)) {
            errors.add(new FieldError(field, TextRules.SINGLE_LINE_MESSAGE));
        }
    }

    /** Adds an error for {@code field} when {@code text} holds more than line breaks and tabs of control. */
    public static void requireMultiLine(List<FieldError> errors, String field, String text) {
        if (!isMultiLine(text)) {
            errors.add(new FieldError(field, MULTI_LINE_MESSAGE));
        }
    }
}
