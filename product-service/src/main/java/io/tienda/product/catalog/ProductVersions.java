package io.tienda.product.catalog;

import io.tienda.product.catalog.domain.Product;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ETag of a product: {@code "<version>-<stockStamp>"}. The version changes with every edit by
 * staff, a review rating or a brand rename; the stock stamp with every stock change inventory
 * reports. If-Match compares the version only: stock is not part of what staff edit, so a sale
 * between reading and saving must not refuse the save.
 */
public final class ProductVersions {

    /** A quoted entity tag, weak or strong (a quoted tag may hold a comma), or a bare token up to a comma. */
    private static final Pattern TAG = Pattern.compile("(?:W/)?\"([^\"]*)\"|([^,\\s]+)");
    private static final Pattern VERSION = Pattern.compile("(\\d{1,18})(?:-\\d{1,18})?");

    private ProductVersions() {
    }

    public static String etag(Product product) {
        return "\"" + product.version() + "-" + product.stockStamp() + "\"";
    }

    /**
     * What an If-Match header admits. No header or {@code *} admits any version; otherwise the
     * versions its tags name (RFC 9110: the precondition holds when any listed tag matches), weak or
     * strong, with or without the stock part. A header that names no version of ours admits none.
     */
    public static Expected expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Expected.ANY;
        }
        Set<Long> versions = new LinkedHashSet<>();
        Matcher tags = TAG.matcher(ifMatch);
        while (tags.find()) {
            String tag = tags.group(1) != null ? tags.group(1) : tags.group(2);
            Matcher version = VERSION.matcher(tag);
            if (version.matches()) {
                versions.add(Long.parseLong(version.group(1)));
            }
        }
        return new Expected(Set.copyOf(versions));
    }

    /** The versions a write may replace: {@code null} for any. */
    public record Expected(Set<Long> versions) {

        public static final Expected ANY = new Expected(null);

        public boolean admits(long version) {
            return versions == null || versions.contains(version);
        }
    }
}
