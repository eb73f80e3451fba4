package io.tienda.product.catalog;

import io.tienda.product.catalog.domain.Product;

import java.util.OptionalLong;

/**
 * The ETag of a product: {@code "<version>-<stockStamp>"}. The version changes with every edit by
 * staff, a review rating or a brand rename; the stock stamp with every stock change inventory
 * reports. If-Match compares the version only: stock is not part of what staff edit, so a sale
 * between reading and saving must not refuse the save.
 */
public final class ProductVersions {

    private ProductVersions() {
    }

    public static String etag(Product product) {
        return "\"" + product.version() + "-" + product.stockStamp() + "\"";
    }

    /**
     * The version an If-Match header names: the first tag that reads as one of our ETags (weak or
     * strong, with or without the stock part). Empty for no header or {@code *}; a header that names
     * no version of ours answers -1, which no product has, so the precondition fails.
     */
    public static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            tag = tag.startsWith("W/") ? tag.substring(2) : tag;
            tag = tag.replace("\"", "");
            int dash = tag.indexOf('-');
            tag = dash < 0 ? tag : tag.substring(0, dash);
            if (tag.matches("\\d{1,18}")) {
                return OptionalLong.of(Long.parseLong(tag));
            }
        }
        return OptionalLong.of(-1);
    }
}
