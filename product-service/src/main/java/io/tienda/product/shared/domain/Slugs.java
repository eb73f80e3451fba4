package io.tienda.product.shared.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL slugs: lower-case ASCII words joined by hyphens. Made from the Spanish name, so accents are
 * folded ({@code Café molido} → {@code cafe-molido}) rather than dropped or percent-encoded.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 120;
    /** What a slug sent by a client must look like. */
    public static final Pattern VALID = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    /** The slug of {@code text}; {@code fallback} when nothing of it survives folding (e.g. only emoji). */
    public static String of(String text, String fallback) {
        String folded = MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD))
                .replaceAll("")
                .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("œ", "oe")
                .replace("Æ", "ae").replace("Ø", "o").replace("Œ", "oe")
                .toLowerCase(Locale.ROOT);
        String slug = trimHyphens(SEPARATORS.matcher(folded).replaceAll("-"));
        // leaves room for a "-NN" suffix that makes it unique, and cuts at a word boundary
        int limit = MAX_LENGTH - 8;
        if (slug.length() > limit) {
            slug = slug.substring(0, limit);
            int lastHyphen = slug.lastIndexOf('-');
            if (lastHyphen > limit / 2) {
                slug = slug.substring(0, lastHyphen);
            }
            slug = trimHyphens(slug);
        }
        return slug.isEmpty() ? fallback : slug;
    }

    /** The {@code n}-th candidate for a unique slug: {@code base}, then {@code base-2}, {@code base-3}... */
    public static String candidate(String base, int n) {
        return n <= 1 ? base : base + "-" + n;
    }

    private static String trimHyphens(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
