package io.tienda.product.shared.domain;

/**
 * A text in the catalog's two languages. Spanish is the shop's own language and English its
 * translation; either may be missing, never both. Readers ask for a language and get the other
 * when that one is missing.
 */
public record LocalizedText(String es, String en) {

    public static final String SPANISH = "es";
    public static final String ENGLISH = "en";

    public LocalizedText {
        es = blankToNull(es);
        en = blankToNull(en);
        if (es == null && en == null) {
            throw new IllegalArgumentException("a text needs Spanish or English");
        }
    }

    public static LocalizedText of(String es, String en) {
        return new LocalizedText(es, en);
    }

    /** The text in {@code language}, falling back to the other language. */
    public String in(String language) {
        if (ENGLISH.equals(language)) {
            return en != null ? en : es;
        }
        return es != null ? es : en;
    }

    /** The text as events, orders and mail carry it when no language is asked for. */
    public String primary() {
        return in(SPANISH);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
