package io.tienda.product.review.domain;

import io.tienda.platform.core.Page;

import java.util.Collection;
import java.util.Optional;

/** Reviews as stored. */
public interface Reviews {

    /** Stores a new review; throws {@link AlreadyReviewedException} when the author has one for the product. */
    void insert(Review review);

    Optional<Review> byId(String productId, String reviewId);

    /** The product's reviews of that visibility, newest first. */
    Page<Review> page(String productId, Visibility visibility, int page, int size);

    /**
     * Stores the edited content and moderation of {@code review}, a change of the stored review one version
     * before it; false when the review is gone or another change came first (so an author's edit never
     * undoes a moderator's hide, nor a hide an edit).
     */
    boolean update(Review review);

    /**
     * Deletes the review unless staff hid it, in one conditional write, so that a review hidden after it was
     * read is not deleted. False when there was no such visible review.
     */
    boolean deleteUnlessHidden(String productId, String reviewId);

    /** How many visible reviews of the product gave each number of stars. */
    RatingSummary summary(String productId);

    /** Marks the user's reviews of these products as verified purchases, unless anonymised; idempotent. */
    void markVerified(String userId, Collection<String> productIds);

    /**
     * Takes the verified purchase off the user's reviews of these products (their order was cancelled),
     * unless anonymised; idempotent.
     */
    void markUnverified(String userId, Collection<String> productIds);

    /** Removes the user's name from all their reviews; idempotent. */
    long anonymise(String userId);

    class AlreadyReviewedException extends RuntimeException {

        public AlreadyReviewedException(String productId, Throwable cause) {
            super("the author already reviewed product " + productId, cause);
        }
    }
}
