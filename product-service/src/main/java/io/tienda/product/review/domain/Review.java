package io.tienda.product.review.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's opinion of a product: 1 to 5 stars with an optional title and text, one per customer
 * and product. {@code verifiedPurchase} says an order of the author's contained the product;
 * {@code moderation} is set while staff keep the review hidden. An erased author's review stays,
 * {@code anonymised}, without their name.
 */
public record Review(String id, String productId, String userId, String authorName, int rating, String title,
        String text, boolean verifiedPurchase, Moderation moderation, boolean anonymised, Instant createdAt,
        Instant updatedAt, long version) {

    public static final int MAX_TITLE = 120;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_AUTHOR_NAME = 80;
    /** What a review is signed with when the author's token carries no name. */
    public static final String DEFAULT_AUTHOR = "Cliente";

    public Review {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("a review gives 1 to 5 stars, not " + rating);
        }
        title = blankToNull(title);
        text = blankToNull(text);
        if (title != null && title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("a title has at most " + MAX_TITLE + " characters");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a text has at most " + MAX_TEXT + " characters");
        }
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    /** A first review, visible, signed with {@code name} as the author's token has it. */
    public static Review write(String id, String productId, String userId, String name, int rating, String title,
            String text, boolean verifiedPurchase, Instant now) {
        return new Review(id, productId, userId, authorName(name), rating, title, text, verifiedPurchase, null, false,
                now, now, 0);
    }

    /** The name a review is signed with: the token's, trimmed to a sensible length, or {@value #DEFAULT_AUTHOR}. */
    public static String authorName(String name) {
        String clean = blankToNull(name);
        if (clean == null) {
            return DEFAULT_AUTHOR;
        }
        return clean.length() <= MAX_AUTHOR_NAME ? clean : clean.substring(0, MAX_AUTHOR_NAME).strip();
    }

    public boolean visible() {
        return moderation == null;
    }

    /**
     * Whether its author may delete it: not while staff keep it hidden. The review holds the one place
     * per customer and product, so deleting a hidden review would let its author post a new one that no
     * one has moderated. Refusing the delete, rather than starting reposts hidden, keeps the moderated
     * review and its reason where staff can see them and needs no memory of deleted reviews; the author
     * can still edit it (it stays hidden) and erasure of their account anonymises it like any other.
     */
    public boolean deletableByAuthor() {
        return visible();
    }

    public boolean writtenBy(String user) {
        return userId.equals(user);
    }

    public Review edit(int newRating, String newTitle, String newText, Instant now) {
        return new Review(id, productId, userId, authorName, newRating, newTitle, newText, verifiedPurchase,
                moderation, anonymised, createdAt, now, version + 1);
    }

    public Review hide(String reason, String by, Instant now) {
        return new Review(id, productId, userId, authorName, rating, title, text, verifiedPurchase,
                new Moderation(reason, by, now), anonymised, createdAt, now, version + 1);
    }

    public Review unhide(Instant now) {
        return new Review(id, productId, userId, authorName, rating, title, text, verifiedPurchase, null, anonymised,
                createdAt, now, version + 1);
    }

    public Review verified() {
        return withVerifiedPurchase(true);
    }

    /** The review as it is once a purchase of its product counts, or no longer counts (its order was cancelled). */
    public Review withVerifiedPurchase(boolean verified) {
        return new Review(id, productId, userId, authorName, rating, title, text, verified, moderation, anonymised,
                createdAt, updatedAt, version);
    }

    /** Why, by whom and when staff hid the review. */
    public record Moderation(String reason, String by, Instant at) {

        public static final int MAX_REASON = 500;

        public Moderation {
            reason = blankToNull(reason);
            if (reason == null || reason.length() > MAX_REASON) {
                throw new IllegalArgumentException("hiding a review takes a reason of 1 to " + MAX_REASON
                        + " characters");
            }
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
