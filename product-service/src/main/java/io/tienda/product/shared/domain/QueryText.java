package io.tienda.product.shared.domain;

/**
 * What a shopper types into a query (search words, filter names and values) is text, and text has no
 * control characters. Such text reaches a MongoDB regular expression (a BSON cstring, which cannot
 * hold a NUL) or the Lucene index, so a parameter carrying one is refused before any lookup rather
 * than failing, or matching nonsense, in the store.
 */
public final class QueryText {

    public static final String CONTROL_CHARACTERS = "must not contain control characters";

    private QueryText() {
    }

    /** True when {@code text} holds a C0 or C1 control character or DEL (NUL, tab and line breaks included). */
    public static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }

    /** {@code text} with each control character written as {@code \\uXXXX}, so it can be named in a problem. */
    public static String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                printable.append(String.format("\\u%04X", c));
            } else {
                printable.append((char) c);
            }
        });
        return printable.toString();
    }
}
