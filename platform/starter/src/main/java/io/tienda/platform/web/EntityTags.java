package io.tienda.platform.web;

/** Conditional requests over entity tags (RFC 9110 §13.1.2), the same in every service. */
public final class EntityTags {

    private EntityTags() {
    }

    /**
     * Whether an If-None-Match header names {@code etag}, or is {@code *}. It uses the weak comparison,
     * as If-None-Match does: {@code W/} prefixes do not matter. Null or blank names nothing.
     */
    public static boolean noneMatchNames(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String ours = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
